import { chmodSync, copyFileSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { run } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';
import { tempDir } from './temp.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured streams (what bin/appcmd.js does, minus the process). */
export function appcmd(args: readonly string[], env: Record<string, string | undefined> = {}): CliResult {
  return appcmdWith(args, { env });
}

/** appcmd() with a chosen environment and terminal (colour tests). */
export function appcmdWith(args: readonly string[], options: IOOptions = {}): CliResult {
  return withCapturedIO(options, (io) => run(args, io));
}

export interface IOOptions {
  readonly env?: Record<string, string | undefined>;
  readonly isTTY?: boolean;
  /** Text on standard input (for /in and `-`); absent: no standard input. */
  readonly stdin?: string;
}

/** Runs `body` with a CliIO whose streams are captured. */
export function withCapturedIO(options: IOOptions, body: (io: CliIO) => number): CliResult {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: options.env ?? {},
    platform: 'linux',
    cwd: process.cwd(),
    isTTY: options.isTTY ?? false,
    ...(options.stdin === undefined ? {} : { readStdin: () => options.stdin ?? '' }),
  };
  const code = body(io);
  return { code, stdout, stderr };
}

/** A private copy of a file in a fresh temporary folder. */
export function tempCopy(file: string, name = basename(file)): string {
  const dir = tempDir('appcmd-test-');
  const target = join(dir, name);
  copyFileSync(file, target);
  // ../shared is read-only; the copy must be writable like a real config file.
  chmodSync(target, 0o644);
  return target;
}

/** Bytes and identity of a file, to prove that a command did not touch it. */
export function snapshot(file: string): { bytes: Buffer; mtimeNs: bigint; ino: bigint } {
  const s = statSync(file, { bigint: true });
  return { bytes: readFileSync(file), mtimeNs: s.mtimeNs, ino: s.ino };
}
