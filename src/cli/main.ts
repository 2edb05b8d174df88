import { fstatSync, readFileSync } from 'node:fs';
import { fdWriter, streamWriter } from './fd-writer.js';
import { yieldToMainThread } from './helper-threads.js';
import type { CliIO } from './io.js';
import { run } from './run.js';

/** Binds the CLI to this process: the only place that touches process and the standard streams. */
export function main(): void {
  yieldToMainThread();
  // Windows keeps the streams: they write Unicode to a console correctly.
  const posix = process.platform !== 'win32';
  const io: CliIO = {
    stdout: posix ? fdWriter(1, () => process.stdout) : streamWriter(() => process.stdout),
    stderr: posix ? fdWriter(2, () => process.stderr) : streamWriter(() => process.stderr),
    env: process.env,
    platform: process.platform,
    cwd: process.cwd(),
    // A character device, without making process.stdout (see fdWriter); /dev/null counts too,
    // which only means colour codes nobody sees.
    isTTY: posix ? isCharacterDevice(1) : process.stdout.isTTY === true,
    readStdin: () => readFileSync(0, 'utf8'),
    untilInterrupted: () => new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve()))),
    exitLater: (status) => void status.then((code) => (process.exitCode = code)),
  };
  process.exitCode = run(process.argv.slice(2), io);
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
