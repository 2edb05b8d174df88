import { AppcmdError } from '../errors.js';

/**
 * appcmd's argument grammar (appcmd.md §1, xml-eval.md §5a), applied to argv as the process
 * received it (shell quotes already removed):
 *
 *   positional   any token not starting with '/' or '-', and a lone '-' (stdin, as in `add site -`)
 *   long option  '--' + identifier, optionally '=value': --json, --dry-run, --schema-dir=x
 *   switch       prefix ('/' | '-'), optional operator ('+' add, '-' remove), optional '!'
 *                (escapes a name that clashes with a general switch), then name[:value]
 *
 * The name ends at the first ':' outside [...] and outside quotes, so `[name='a:b']` and
 * `bindingInformation='*:21:'` stay whole. No ':' means no value; `/name:` means the empty string.
 * Tokenizing never fails: whether a name is a valid property path is decided later.
 */

export type SwitchOperator = 'set' | 'add' | 'remove';

export interface Switch {
  readonly raw: string;
  readonly prefix: '/' | '-';
  readonly operator: SwitchOperator;
  readonly name: string;
  readonly value: string | undefined;
  /** Written with a leading '!' (`/!debug:x`): the name is a property, not the general switch. */
  readonly escaped: boolean;
  /** Position in argv. */
  readonly index: number;
}

export interface LongOption {
  readonly raw: string;
  readonly name: string;
  readonly value: string | undefined;
  readonly index: number;
}

export interface Positional {
  readonly text: string;
  readonly index: number;
}

export interface ParsedCommandLine {
  readonly positionals: readonly Positional[];
  readonly switches: readonly Switch[];
  readonly longOptions: readonly LongOption[];
}

// Identifier-like only: `--[name='x']` and `--fileExtensions.[...]` must stay removes.
const LONG_OPTION = /^--([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?:=([\s\S]*))?$/;

export function tokenize(argv: readonly string[]): ParsedCommandLine {
  const positionals: Positional[] = [];
  const switches: Switch[] = [];
  const longOptions: LongOption[] = [];
  // A plain loop that builds each record once: a batch tokenizes every line, mostly before V8
  // has optimized this code, where a closure per call and a spread per switch cost the most.
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (isPositional(token)) {
      positionals.push({ text: token, index });
      continue;
    }
    const long = longOption(token);
    if (long !== null) longOptions.push({ raw: token, name: long[1] ?? '', value: long[2], index });
    else switches.push(parseSwitch(token, index));
  }
  return { positionals, switches, longOptions };
}

function isPositional(token: string): boolean {
  const first = token[0];
  return (first !== '/' && first !== '-') || token === '-';
}

/** The match of a --long option (name, value), or null. */
function longOption(token: string): RegExpExecArray | null {
  return token.startsWith('--') ? LONG_OPTION.exec(token) : null;
}

function parseSwitch(raw: string, index: number): Switch {
  const prefix = raw[0] === '/' ? '/' : '-';
  let rest = raw.slice(1);
  let operator: SwitchOperator = 'set';
  if (rest.startsWith('+')) operator = 'add';
  else if (rest.startsWith('-')) operator = 'remove';
  if (operator !== 'set') rest = rest.slice(1);
  // `/"[name='x'].a:b"` arrives like this when a caller passes quotes through literally.
  rest = unquoteWrapped(rest) ?? rest;
  const escaped = rest.startsWith('!');
  if (escaped) rest = rest.slice(1);
  const colon = findNameEnd(rest);
  if (colon < 0) return { raw, prefix, operator, name: rest, value: undefined, escaped, index };
  const value = rest.slice(colon + 1);
  return { raw, prefix, operator, name: rest.slice(0, colon), value: unquoteWrapped(value) ?? value, escaped, index };
}

/**
 * Offset of the first ':' outside [...] and outside '…' or "…", or -1. Inside single quotes a
 * doubled '' needs no special case: closing and reopening leaves the state as it was.
 */
function findNameEnd(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      if (depth > 0) depth--;
    } else if (c === ':' && depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * If `text` is wholly one double-quoted string, returns its content with `"""` read as a literal
 * quote (the convention appcmd's own callers use, e.g. IIS.ServiceMonitor); otherwise undefined.
 * "Wholly" means every inner quote is part of a `"""` run, so `"a":"b"` is left alone.
 */
function unquoteWrapped(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
  const inner = text.slice(1, -1);
  const runs = inner.match(/"+/g) ?? [];
  if (runs.some((run) => run.length % 3 !== 0)) return undefined;
  return inner.replaceAll('"""', '"');
}

/** appcmd's exact text for a token that should have been a parameter (printed without ERROR ( )). */
export function prefixError(text: string): AppcmdError {
  return new AppcmdError(
    'BAD_PREFIX',
    `Failed to process input: The parameter '${text}' must begin with a / or - (HRESULT=80070057).`,
    { hints: prefixHints(text) },
  );
}

function prefixHints(text: string): string[] {
  if (/^[\u2010-\u2015\u2212]/.test(text)) {
    return ['It starts with a typographic dash, probably copied from a web page; type a plain - or / instead.'];
  }
  if (text.startsWith('.')) {
    return ['It looks like the rest of a parameter that was split in two (PowerShell splits -a.b:c); quote the whole parameter.'];
  }
  if (text.includes("']")) {
    return ["It looks like the end of a parameter split at a space: quote the whole parameter, e.g. \"/[name='Default Web Site'].attr:value\"."];
  }
  return [];
}

/**
 * appcmd takes the first `allowed` positionals (verb, object, identifier) wherever they stand and
 * rejects the next one with the prefix error; this is how `-[name='Default FTP Site'].x:y`, split
 * by the shell, fails on its third piece.
 */
export function rejectExtraPositionals(line: ParsedCommandLine, allowed: number): void {
  const extra = line.positionals[allowed];
  if (extra !== undefined) throw prefixError(extra.text);
}
