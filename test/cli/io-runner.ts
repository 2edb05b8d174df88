import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { CliResult } from '../helpers/cli.js';

/** Runs the CLI in-process with captured streams and, when given, text on standard input. */
export function appcmdStdin(args: readonly string[], stdin?: string, env: Record<string, string | undefined> = {}): CliResult {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    platform: 'linux',
    cwd: process.cwd(),
    isTTY: false,
    ...(stdin === undefined ? {} : { readStdin: () => stdin }),
  };
  const code = run(args, io);
  return { code, stdout, stderr };
}
