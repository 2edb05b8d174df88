import { AppcmdError, isAppcmdError } from '../errors.js';
import type { CommandContext } from './commands/context.js';
import { auditFtpSslCommand } from './commands/audit.js';
import { clearConfig } from './commands/clear-config.js';
import { listFtpSsl, setFtpSsl } from './commands/ftp-ssl.js';
import { listCert } from './commands/list-cert.js';
import { listConfig } from './commands/list-config.js';
import { lockConfig, unlockConfig } from './commands/lock-config.js';
import { searchConfigCommand } from './commands/search-config.js';
import { setConfig } from './commands/set-config.js';
import { generalHelp } from './help.js';
import type { CliIO } from './io.js';
import { splitSwitches } from './options.js';
import { renderError, unexpected } from './render/error.js';
import { prefixError, rejectExtraPositionals, tokenize } from './tokenizer.js';

type Command = (ctx: CommandContext) => number;

/** verb → object → command. Objects are also accepted in the plural, as appcmd does. */
const COMMANDS: Readonly<Record<string, Readonly<Record<string, Command>>>> = {
  config: { list: listConfig, set: setConfig, clear: clearConfig, lock: lockConfig, unlock: unlockConfig, search: searchConfigCommand },
  cert: { list: listCert },
  ftpssl: { list: listFtpSsl, set: setFtpSsl, audit: auditFtpSslCommand },
};

/** Runs one appcmd command line; returns the exit status. Never throws. */
export function run(argv: readonly string[], io: CliIO): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    const err = isAppcmdError(e) ? e : unexpected(e);
    io.stderr(renderError(err));
    return err.win32;
  }
}

function dispatch(argv: readonly string[], io: CliIO): number {
  const line = tokenize(argv);
  const { options, properties } = splitSwitches(line);
  const [verbArg, objectArg, identifierArg] = line.positionals;
  if (verbArg === undefined) {
    io.stdout(generalHelp());
    return 0;
  }
  if (objectArg === undefined) {
    if (options.help) {
      io.stdout(generalHelp());
      return 0;
    }
    throw new AppcmdError('BAD_ARGUMENT', `Object '${verbArg.text}' is not supported.  Run 'appcmd.exe /?' to display supported objects.`);
  }
  rejectExtraPositionals(line, 3);
  // "FTP'].x:y" as the identifier is the tail of a switch split at a space, not a path.
  if (identifierArg !== undefined && identifierArg.text.includes("']")) throw prefixError(identifierArg.text);
  const object = singular(objectArg.text.toLowerCase());
  const verbs = COMMANDS[object];
  if (verbs === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `Object '${objectArg.text.toUpperCase()}' is not supported.  Run 'appcmd.exe /?' to display supported objects.`);
  }
  const verb = verbArg.text.toLowerCase();
  const command = verbs[verb];
  if (command === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `Verb '${verbArg.text}' is not supported on object '${object.toUpperCase()}'.`, {
      hints: [`Supported: ${Object.keys(verbs).join(', ')}.`],
    });
  }
  if (options.help) {
    io.stdout(generalHelp());
    return 0;
  }
  return command({ io, verb, object, identifier: identifierArg?.text, options, properties });
}

function singular(object: string): string {
  return object.endsWith('s') && COMMANDS[object.slice(0, -1)] !== undefined ? object.slice(0, -1) : object;
}
