import type { CommandContext } from '../../src/cli/commands/context.js';
import { CommandScope } from '../../src/cli/commands/scope.js';
import { appcmdObject } from '../../src/cli/objects.js';
import { splitSwitches } from '../../src/cli/options.js';
import { renderError, unexpected } from '../../src/cli/render/error.js';
import { tokenize } from '../../src/cli/tokenizer.js';
import { isAppcmdError } from '../../src/errors.js';
import { withCapturedIO, type CliResult, type IOOptions } from '../helpers/cli.js';

/**
 * Runs one command function the way run.ts does (tokenize, split the general switches, render an
 * error as text and a Win32 status), for tests that call a command with extra arguments, such as
 * a fixed "now" for certificate validity.
 */
export function runCommand(command: (ctx: CommandContext) => number, argv: readonly string[], options: IOOptions = {}): CliResult {
  return withCapturedIO(options, (io) => {
    try {
      const line = tokenize(argv);
      const { options: general, properties } = splitSwitches(line);
      const [verb, object, identifier] = line.positionals;
      const writes = appcmdObject(object?.text.toLowerCase() ?? '')?.verbs[verb?.text.toLowerCase() ?? '']?.writes ?? false;
      const scope = new CommandScope();
      try {
        return command({ io, verb: verb?.text ?? '', object: object?.text ?? '', identifier: identifier?.text, options: general, properties, writes, scope });
      } finally {
        scope.close();
      }
    } catch (e) {
      const err = isAppcmdError(e) ? e : unexpected(e);
      io.stderr(renderError(err));
      return err.win32;
    }
  });
}
