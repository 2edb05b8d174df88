#!/usr/bin/env node
// The CLI as one bundled module (see scripts/bundle.mjs): loading one file starts faster than
// linking every compiled module of dist/src.
import { main } from '../dist/appcmd.mjs';

main();
