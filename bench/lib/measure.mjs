// Whole-process timing. Every comparison runs the two commands alternately (A B, then B A, ...),
// so that a noisy neighbour or a CPU frequency change hits both alike, and reports medians.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/**
 * A command to time: `prepare` runs before each run, outside the timing (e.g. a fresh copy of the
 * file the command edits); `check` looks at one result outside the timing and returns an error text.
 */
export function command(label, cmd, argv, extra = {}) {
  return { label, cmd, argv, env: extra.env, input: extra.input, prepare: extra.prepare, check: extra.check };
}

/** Runs `c` once, untimed, with output captured; the result of spawnSync. */
export function runOnce(c) {
  c.prepare?.();
  return spawnSync(c.cmd, c.argv, {
    env: c.env === undefined ? process.env : { ...process.env, ...c.env },
    input: c.input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
}

/** Wall time (ms) of one run; output goes to /dev/null, as when a script discards it. */
function timeOnce(c) {
  c.prepare?.();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.argv, {
    env: c.env === undefined ? process.env : { ...process.env, ...c.env },
    input: c.input,
    stdio: [c.input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error !== undefined) throw new Error(`${c.label}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${c.label} failed with status ${r.status}: ${String(r.stderr).trim().slice(0, 500)}`);
  return ms;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times `a` and `b` alternately, `runs` times each after one untimed warm-up of each (page cache,
 * node's own code cache); returns both medians and every sample.
 */
export function compare(a, b, runs) {
  timeOnce(a);
  timeOnce(b);
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(timeOnce(a));
      bs.push(timeOnce(b));
    } else {
      bs.push(timeOnce(b));
      as.push(timeOnce(a));
    }
  }
  return { a: median(as), b: median(bs), samplesA: as, samplesB: bs };
}

/** Peak resident set size (MB) of one run, from GNU time's %M (KiB). */
export function peakMemoryMb(c) {
  const out = join(tmpdir(), `appcmd-bench-time-${process.pid}.txt`);
  c.prepare?.();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, c.cmd, ...c.argv], {
    env: c.env === undefined ? process.env : { ...process.env, ...c.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.error !== undefined) throw new Error(`/usr/bin/time: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${c.label} failed with status ${r.status}: ${String(r.stderr).trim().slice(0, 500)}`);
  const kib = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  rmSync(out, { force: true });
  return kib / 1024;
}

/** Whether GNU time (for peak memory) is there. */
export function hasGnuTime() {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}
