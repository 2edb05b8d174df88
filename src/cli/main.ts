import type { CliIO } from './io.js';
import { run } from './run.js';

/** Binds the CLI to this process: the only place that touches process and the standard streams. */
export function main(): void {
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    platform: process.platform,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  };
  process.exitCode = run(process.argv.slice(2), io);
}
