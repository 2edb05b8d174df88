#!/usr/bin/env node
// Removes what tsc compiled before: tsc never deletes the output of a source file that was moved
// or removed, and node scripts/run-tests.mjs runs every compiled test it finds, so a stale test
// would go on running (and passing) here while a fresh clone, as CI builds it, has none.
import { rmSync } from 'node:fs';

for (const dir of ['dist/src', 'dist/test', 'dist/examples']) rmSync(dir, { recursive: true, force: true });
