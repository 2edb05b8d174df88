/**
 * Which characters may appear where in a property path. parse and format share these so that
 * whatever format writes, parse reads back.
 */

/** Collection-key names inside [...]: attribute names, so letters, digits, '.', '_' and '-'. */
const KEY = /^[A-Za-z0-9._-]+$/;

/**
 * Characters that cannot be part of an element or attribute name: '.' separates segments,
 * brackets and quotes belong to indexers, ':' separates a switch's name from its value, '=' is
 * never in an XML name (and keeps `--x=1` a long option, not a remove), and whitespace only gets
 * there by a quoting accident.
 */
const NAME_FORBIDDEN = /[.[\]'":=\s]/;

export function isKeyChar(c: string | undefined): boolean {
  return c !== undefined && KEY.test(c);
}

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

export function isNameForbidden(c: string): boolean {
  return NAME_FORBIDDEN.test(c);
}

export function isValidName(name: string): boolean {
  return name.length > 0 && !NAME_FORBIDDEN.test(name);
}

export function isWhitespace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}
