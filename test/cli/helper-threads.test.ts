import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

// In a child process: the test runner's own threads are not ours to reprioritize.
test('on Linux, every thread but the main one is set to the lowest priority', { skip: process.platform !== 'linux' }, () => {
  const module = join(repoRoot, 'dist', 'src', 'cli', 'helper-threads.js');
  const probe = `
    import { readdirSync, readFileSync } from 'node:fs';
    const { yieldToMainThread } = await import(${JSON.stringify(module)});
    const nice = (tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
    const before = nice(process.pid);
    yieldToMainThread();
    const threads = readdirSync('/proc/self/task').map(Number);
    console.log(JSON.stringify({ before, main: nice(process.pid), helpers: threads.filter((t) => t !== process.pid).map(nice) }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as { before: number; main: number; helpers: number[] };
  assert.equal(seen.main, seen.before, 'the main thread keeps its priority');
  assert.ok(seen.helpers.length >= 1, 'node runs helper threads');
  assert.deepEqual(new Set(seen.helpers), new Set([19]));
});
