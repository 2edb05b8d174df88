import type { CommandContext } from '../../src/cli/commands/context.js';
import type { CliIO } from '../../src/cli/io.js';
import { splitSwitches } from '../../src/cli/options.js';
import { renderError, unexpected } from '../../src/cli/render/error.js';
import { tokenize } from '../../src/cli/tokenizer.js';
import { isAppcmdError } from '../../src/errors.js';
import type { CliResult } from '../helpers/cli.js';

/**
 * Runs one command function the way run.ts does (tokenize, split the general switches, render an
 * error as text and a Win32 status), for commands not yet wired into run.ts's table.
 * argv is the whole command line: verb, object, optional identifier, switches.
 */
export function runCommand(
  command: (ctx: CommandContext) => number,
  argv: readonly string[],
  options: { env?: Record<string, string | undefined>; isTTY?: boolean } = {},
): CliResult {
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
  };
  let code: number;
  try {
    const line = tokenize(argv);
    const { options: general, properties } = splitSwitches(line);
    const [verb, object, identifier] = line.positionals;
    code = command({ io, verb: verb?.text ?? '', object: object?.text ?? '', identifier: identifier?.text, options: general, properties });
  } catch (e) {
    const err = isAppcmdError(e) ? e : unexpected(e);
    stderr += renderError(err);
    code = err.win32;
  }
  return { code, stdout, stderr };
}
