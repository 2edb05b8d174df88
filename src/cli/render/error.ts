import { AppcmdError } from '../../errors.js';

/** Failures that concern the configuration file itself (a web.config setting a section where IIS refuses it, too), shown in IIS's "Configuration error" block. */
const FILE_FAULTS = new Set(['CONFIG_INVALID', 'XML_MALFORMED', 'XML_FORBIDDEN', 'FILE_ENCODING', 'LOCKED']);

/**
 * The text appcmd prints for an error, then our extra lines (where, what to do). appcmd's
 * argument-parsing errors have no ERROR ( ) wrapper.
 */
export function renderError(e: AppcmdError): string {
  const { appcmd, extra } = renderErrorParts(e);
  return [appcmd, ...extra].join('\n') + '\n';
}

/** appcmd's own text of an error, and our extra lines apart, for /errors:stdout. */
export function renderErrorParts(e: AppcmdError): { appcmd: string; extra: string[] } {
  const extra = e.hints.map((h) => `  ${h}`);
  if (e.code === 'BAD_PREFIX' || e.code === 'UNKNOWN_COMMAND') return { appcmd: e.message, extra };
  let body = e.message;
  if (FILE_FAULTS.has(e.code) && e.file !== undefined) {
    const where = [`Filename: ${e.file}`, `Line Number: ${e.line ?? 0}`];
    if (e.column !== undefined) where.push(`Column: ${e.column}`);
    body = ['Configuration error', ...where, `Description: ${e.message}`, '.'].join('\n');
  }
  return { appcmd: `ERROR ( message:${body} )`, extra };
}

/** Anything that is not an AppcmdError is a bug; it is still reported without a stack trace. */
export function unexpected(e: unknown): AppcmdError {
  const message = e instanceof Error ? e.message : String(e);
  return new AppcmdError('INTERNAL', `Command execution failed.\n${message}`, {
    hints: ['This is a bug in appcmd; please report it with the command line that caused it.'],
  });
}

/** An error as one JSON line (--json), on stderr like the text form. */
export function renderErrorJson(e: AppcmdError): string {
  return (
    JSON.stringify({
      code: e.code,
      win32: e.win32,
      message: e.message,
      file: e.file ?? null,
      line: e.line ?? null,
      ...(e.column === undefined ? {} : { column: e.column }),
      hints: e.hints,
    }) + '\n'
  );
}
