/**
 * Where errors go. appcmd.exe prints `ERROR ( message:… )` on stdout; this tool prints it on
 * stderr, so that stdout holds only results. Scripts written against appcmd that parse its
 * stdout ask for appcmd's way with /errors:stdout or APPCMD_ERRORS=stdout (the switch wins).
 */
import { AppcmdError } from '../errors.js';

const SWITCH = /^[-/]errors:(.*)$/i;

/** Read from argv itself, since the error to report may be that the command line did not parse. */
export function errorsOnStdout(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  let value: string | undefined;
  for (const arg of argv) {
    const m = SWITCH.exec(arg);
    if (m !== null) value = m[1];
  }
  value ??= env['APPCMD_ERRORS'];
  return value?.trim().toLowerCase() === 'stdout';
}

/** The /errors: switch's value, checked; undefined when absent. */
export function errorStreamOption(value: string | undefined): 'stdout' | 'stderr' | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'stdout' || v === 'stderr') return v;
  throw new AppcmdError('BAD_ARGUMENT', `/errors: takes stdout or stderr, not "${value}".`, {
    hints: ['/errors:stdout prints errors on stdout as appcmd.exe does; stderr is the default.'],
  });
}
