import { readFileSync } from 'node:fs';
import type { CliIO } from './io.js';
import { run } from './run.js';

/** Binds the CLI to this process: the only place that touches process and the standard streams. */
export function main(): void {
  // A reader that stops early (`appcmd list site | head -1`) closes the pipe: that ends the output, not the command with a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    platform: process.platform,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    readStdin: () => readFileSync(0, 'utf8'),
  };
  process.exitCode = run(process.argv.slice(2), io);
}
