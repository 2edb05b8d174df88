import { fstatSync, readFileSync } from 'node:fs';
import { fdWriter, streamWriter } from './fd-writer.js';
import { yieldToMainThread } from './helper-threads.js';
import type { CliIO } from './io.js';
import { run } from './run.js';
import { keepYoungGenerationSmall } from './young-generation.js';

/**
 * Binds the CLI to this process: the only place that touches process and the standard streams.
 * Returns the exit status when nothing is left to do, so that the launcher can end the process at
 * once: node's own teardown of a finished process (freeing the heap, the isolate) cost ~6 ms of
 * a command on a small file (bench/NOTES.md). Undefined when something still runs (appcmd ui) or
 * output went through a stream that may still be writing it.
 */
export function main(): number | undefined {
  yieldToMainThread();
  const argv = process.argv.slice(2);
  // The verb is the first word that is not a switch; a tuning flag needs no exact parse.
  if (argv.find((a) => !/^[-/]/.test(a))?.toLowerCase() === 'batch') keepYoungGenerationSmall();
  let later = false;
  let streamed = false;
  const stream = (s: () => NodeJS.WriteStream) => (): NodeJS.WriteStream => {
    streamed = true;
    return s();
  };
  const stdout = stream(() => process.stdout);
  const stderr = stream(() => process.stderr);
  // Windows keeps the streams: they write Unicode to a console correctly.
  const posix = process.platform !== 'win32';
  const io: CliIO = {
    stdout: posix ? fdWriter(1, stdout) : streamWriter(stdout),
    stderr: posix ? fdWriter(2, stderr) : streamWriter(stderr),
    env: process.env,
    platform: process.platform,
    cwd: process.cwd(),
    // A character device, without making process.stdout (see fdWriter); /dev/null counts too,
    // which only means colour codes nobody sees.
    isTTY: posix ? isCharacterDevice(1) : process.stdout.isTTY === true,
    readStdin: () => readFileSync(0, 'utf8'),
    untilInterrupted: () => new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve()))),
    exitLater: (status) => {
      later = true;
      void status.then((code) => (process.exitCode = code));
    },
  };
  const status = run(argv, io);
  process.exitCode = status;
  return later || streamed ? undefined : status;
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
