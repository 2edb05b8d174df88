/**
 * Which characters may appear where in a property path. parse and format share these so that
 * whatever format writes, parse reads back. The readers find the end of a run with one regex
 * search rather than a test per character: a batch parses a path on every line.
 */

/** Collection-key names inside [...]: attribute names, so letters, digits, '.', '_' and '-'. */
const KEY = /^[A-Za-z0-9._-]+$/;
const KEY_RUN = /[A-Za-z0-9._-]*/y;
const WHITESPACE_RUN = /\s*/y;

/**
 * Characters that cannot be part of an element or attribute name: '.' separates segments,
 * brackets and quotes belong to indexers, ':' separates a switch's name from its value, '=' is
 * never in an XML name (and keeps `--x=1` a long option, not a remove), and whitespace only gets
 * there by a quoting accident.
 */
const NAME_FORBIDDEN = /[.[\]'":=\s]/;
const NAME_STOP = /[.[\]'":=\s]/g;

/** The offset where the run of key characters starting at `from` ends. */
export function keyEnd(text: string, from: number): number {
  return runEnd(KEY_RUN, text, from);
}

/** The offset where the whitespace starting at `from` ends (`from` when there is none). */
export function whitespaceEnd(text: string, from: number): number {
  return runEnd(WHITESPACE_RUN, text, from);
}

function runEnd(run: RegExp, text: string, from: number): number {
  run.lastIndex = from;
  run.test(text);
  return run.lastIndex;
}

/** The offset of the first '.' or character a name cannot hold at or after `from`, or -1. */
export function nameStop(text: string, from: number): number {
  NAME_STOP.lastIndex = from;
  return NAME_STOP.exec(text)?.index ?? -1;
}

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

export function isValidName(name: string): boolean {
  return name.length > 0 && !NAME_FORBIDDEN.test(name);
}
