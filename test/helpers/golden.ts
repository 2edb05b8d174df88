import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.js';

/**
 * Compares `actual` with test/golden/<name>. With UPDATE_GOLDEN=1 the file is (re)written instead;
 * a missing golden file fails the test, so a golden can never be silently created in CI.
 */
export function assertGolden(name: string, actual: string): void {
  const file = join(repoRoot, 'test', 'golden', name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file missing: test/golden/${name} (run with UPDATE_GOLDEN=1 and review it)`);
  assert.equal(actual, readFileSync(file, 'utf8'));
}
