import { AppcmdError, isAppcmdError } from '../errors.js';
import { schemaFor } from '../config/server-manager.js';
import { resolveSectionName } from '../config/section-name.js';
import type { CommandContext } from './commands/context.js';
import { batchCommand, batchSource, lineOptions } from './commands/batch.js';
import type { BatchSession } from './commands/batch-session.js';
import { CommandScope } from './commands/scope.js';
import { uiCommand } from './commands/ui.js';
import { generalHelp } from './help.js';
import type { CliIO } from './io.js';
import { appcmdObject, type AppcmdObject } from './objects.js';
import { splitSwitches, type GeneralOptions } from './options.js';
import { renderError, renderErrorJson, renderErrorParts, unexpected } from './render/error.js';
import { errorsOnStdout } from './error-stream.js';
import { batchHelp, hasHelpPage, objectHelp, sectionHelp, verbHelp } from './render/object-help.js';
import { prefixError, rejectExtraPositionals, tokenize } from './tokenizer.js';

/** Runs one appcmd command line; returns the exit status. Never throws. */
export function run(argv: readonly string[], io: CliIO): number {
  try {
    return dispatch(argv, io, undefined);
  } catch (e) {
    const err = isAppcmdError(e) ? e : unexpected(e);
    // --json and /errors: are looked for in argv itself: the error may be that the command line did not parse.
    const json = argv.some((a) => a.toLowerCase() === '--json');
    if (errorsOnStdout(argv, io.env)) {
      // As appcmd: its text on stdout, for scripts that parse it; our extra lines stay on stderr.
      if (json) io.stdout(renderErrorJson(err));
      else {
        const { appcmd, extra } = renderErrorParts(err);
        io.stdout(`${appcmd}\n`);
        if (extra.length > 0) io.stderr(`${extra.join('\n')}\n`);
      }
    } else io.stderr(json ? renderErrorJson(err) : renderError(err));
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
    if (options.help) return help(io, batchHelp());
    // The batch's session owns its configuration (and closes it); the batch opens nothing itself.
    const ctx: CommandContext = { io, verb, object: 'batch', identifier: undefined, options, properties: [], writes: false, scope: new CommandScope() };
    return batchCommand(ctx, batchSource(objectArg?.text, properties), (args, lineIo, s) => dispatch(args, lineIo, s));
  }
  if (verb === 'ui' && session === undefined) {
    rejectExtraPositionals(line, 1);
    if (options.help) return help(io, generalHelp());
    return uiCommand({ io, verb, object: 'ui', identifier: undefined, options, properties, writes: false, scope: new CommandScope() });
  }
  if (objectArg === undefined) {
    const entry = appcmdObject(verb);
    if (options.help) return help(io, entry !== undefined && hasHelpPage(entry) ? objectHelp(entry) : generalHelp());
    // `appcmd site` is an object without a command; `appcmd list` a command whose object is missing.
    if (entry !== undefined) throw commandNotSupported('', entry);
    throw objectNotSupported(verbArg.text);
  }
  rejectExtraPositionals(line, 3);
  // "FTP'].x:y" as the identifier is the tail of a switch split at a space, not a path.
  if (identifierArg !== undefined && identifierArg.text.includes("']")) throw prefixError(identifierArg.text);
  const entry = appcmdObject(objectArg.text.toLowerCase());
  if (entry === undefined) throw objectNotSupported(objectArg.text);
  const object = entry.name;
  const command = Object.hasOwn(entry.verbs, verb) ? entry.verbs[verb] : undefined;
  if (command === undefined) throw commandNotSupported(verbArg.text, entry);
  if (options.help) return help(io, helpFor(verb, entry, options));
  const stdinMarker = identifierArg?.text === '-';
  const scope = new CommandScope();
  try {
    return command.run({ io, verb, object, identifier: stdinMarker ? undefined : identifierArg?.text, options, properties, writes: command.writes, scope, input: stdinMarker || options.in, session });
  } finally {
    scope.close();
  }
}

/**
 * appcmd's texts for an unknown object and for a command its object does not have, printed
 * without the ERROR ( ) wrapper: a deployment task relayed the first from a real appcmd
 * (azure-pipelines-extensions issue #187), JexusManager's appcmd tests hold both, line break included.
 */
function objectNotSupported(name: string): AppcmdError {
  return new AppcmdError('UNKNOWN_COMMAND', `Object '${name.toUpperCase()}' is not supported.  Run 'appcmd.exe /?' to display supported objects.`);
}

function commandNotSupported(verb: string, entry: AppcmdObject): AppcmdError {
  const object = entry.name.toUpperCase();
  return new AppcmdError('UNKNOWN_COMMAND', `Command '${verb.toUpperCase()}' is not supported on object '${object}'. Run 'appcmd.exe ${object} /?'\nto display supported commands.`, {
    hints: [`Supported: ${Object.keys(entry.verbs).join(', ')}.`],
  });
}

function help(io: CliIO, text: string): number {
  io.stdout(text);
  return 0;
}

/** Help for `verb object /?`; `set config -section:NAME /?` lists the section's settable paths. */
function helpFor(verb: string, entry: AppcmdObject, options: GeneralOptions): string {
  const schema = schemaFor(options.schemaDirs);
  if (entry.name === 'config' && options.section !== undefined && options.section !== '' && options.section !== '?') {
    return sectionHelp(resolveSectionName(options.section, schema.sectionPaths), schema);
  }
  return verbHelp(verb, entry, schema) ?? (hasHelpPage(entry) ? objectHelp(entry) : generalHelp());
}
