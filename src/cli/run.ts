import { AppcmdError, isAppcmdError } from '../errors.js';
import { schemaFor } from '../config/server-manager.js';
import { resolveSectionName } from '../config/section-name.js';
import type { CommandContext } from './commands/context.js';
import { APP_KIND } from './commands/app-kind.js';
import { APPPOOL_KIND } from './commands/apppool-kind.js';
import { auditFtpSslCommand } from './commands/audit.js';
import { backupVerbs } from './commands/backup.js';
import { batchCommand, batchSource, lineOptions } from './commands/batch.js';
import type { BatchSession } from './commands/batch-session.js';
import { clearConfig } from './commands/clear-config.js';
import { listFtpSsl, setFtpSsl } from './commands/ftp-ssl.js';
import { listCert } from './commands/list-cert.js';
import { listConfig } from './commands/list-config.js';
import { lockConfig, unlockConfig } from './commands/lock-config.js';
import { objectVerbs } from './commands/object-verbs.js';
import { recycleApppool } from './commands/recycle.js';
import { searchConfigCommand } from './commands/search-config.js';
import { setConfig } from './commands/set-config.js';
import { SITE_KIND } from './commands/site-kind.js';
import { VDIR_KIND } from './commands/vdir-kind.js';
import { generalHelp } from './help.js';
import type { CliIO } from './io.js';
import { splitSwitches, type GeneralOptions } from './options.js';
import { renderError, renderErrorJson, unexpected } from './render/error.js';
import { batchHelp, isHelpObject, objectHelp, sectionHelp, verbHelp } from './render/object-help.js';
import { prefixError, rejectExtraPositionals, tokenize } from './tokenizer.js';

type Command = (ctx: CommandContext) => number;

/**
 * object → verb → command. Objects are also accepted in the plural, as appcmd does. Every command
 * runs inside `appcmd batch` too: a writing one ends in completeWrite, which leaves the commit to
 * the batch; one that works on other files than the configuration (backups) refuses itself.
 */
export const COMMANDS: Readonly<Record<string, Readonly<Record<string, Command>>>> = {
  config: { list: listConfig, set: setConfig, clear: clearConfig, lock: lockConfig, unlock: unlockConfig, search: searchConfigCommand },
  site: objectVerbs(SITE_KIND),
  app: objectVerbs(APP_KIND),
  vdir: objectVerbs(VDIR_KIND),
  apppool: { ...objectVerbs(APPPOOL_KIND), recycle: recycleApppool },
  backup: backupVerbs(),
  cert: { list: listCert },
  ftpssl: { list: listFtpSsl, set: setFtpSsl, audit: auditFtpSslCommand },
};

/** Runs one appcmd command line; returns the exit status. Never throws. */
export function run(argv: readonly string[], io: CliIO): number {
  try {
    return dispatch(argv, io, undefined);
  } catch (e) {
    const err = isAppcmdError(e) ? e : unexpected(e);
    // --json is looked for in argv itself: the error may be that the command line did not parse.
    io.stderr(argv.some((a) => a.toLowerCase() === '--json') ? renderErrorJson(err) : renderError(err));
    return err.win32;
  }
}

/** One command line; inside `appcmd batch`, against the batch's session. Throws AppcmdError. */
function dispatch(argv: readonly string[], io: CliIO, session: BatchSession | undefined): number {
  const line = tokenize(argv);
  const split = splitSwitches(line);
  const options = session === undefined ? split.options : lineOptions(session.options, split.options);
  const properties = split.properties;
  const [verbArg, objectArg, identifierArg] = line.positionals;
  if (verbArg === undefined) {
    io.stdout(generalHelp());
    return 0;
  }
  const verb = verbArg.text.toLowerCase();
  if (verb === 'batch') {
    if (session !== undefined) throw new AppcmdError('BAD_ARGUMENT', 'A batch cannot run another batch.');
    rejectExtraPositionals(line, 2);
    const ctx: CommandContext = { io, verb, object: 'batch', identifier: undefined, options, properties: [] };
    if (options.help) return help(io, batchHelp());
    return batchCommand(ctx, batchSource(objectArg?.text, properties), (args, lineIo, s) => dispatch(args, lineIo, s));
  }
  if (objectArg === undefined) {
    if (options.help) return help(io, isHelpObject(singular(verb)) ? objectHelp(singular(verb)) : generalHelp());
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
  const command = verbs[verb];
  if (command === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `Verb '${verbArg.text}' is not supported on object '${object.toUpperCase()}'.`, {
      hints: [`Supported: ${Object.keys(verbs).join(', ')}.`],
    });
  }
  if (options.help) return help(io, helpFor(verb, object, options));
  const stdinMarker = identifierArg?.text === '-';
  return command({ io, verb, object, identifier: stdinMarker ? undefined : identifierArg?.text, options, properties, input: stdinMarker || options.in, session });
}

function help(io: CliIO, text: string): number {
  io.stdout(text);
  return 0;
}

/** Help for `verb object /?`; `set config -section:NAME /?` lists the section's settable paths. */
function helpFor(verb: string, object: string, options: GeneralOptions): string {
  const schema = schemaFor(options.schemaDirs);
  if (object === 'config' && options.section !== undefined && options.section !== '' && options.section !== '?') {
    return sectionHelp(resolveSectionName(options.section, schema.sectionPaths), schema);
  }
  return verbHelp(verb, object, schema) ?? (isHelpObject(object) ? objectHelp(object) : generalHelp());
}

function singular(object: string): string {
  return object.endsWith('s') && COMMANDS[object.slice(0, -1)] !== undefined ? object.slice(0, -1) : object;
}
