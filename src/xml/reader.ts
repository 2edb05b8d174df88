/**
 * parseXml: the strict reader behind every configuration file. Text in, a span-keeping tree out,
 * or an AppcmdError (XML_MALFORMED / XML_FORBIDDEN) naming the file, line and column of the fault.
 */
import { describeChar, findInvalidChar } from './chars.js';
import { ParsedDocument } from './document.js';
import { endianness } from 'node:os';
import { scanDocument, type CodeUnits } from './scanner.js';
import { ErrorReporter } from './xml-error.js';
import { isAppcmdError } from '../errors.js';

export interface ParseOptions {
  /** Named in error messages and in AppcmdError.file. */
  readonly fileName?: string;
  /** The caller has already found that the text holds no character XML forbids. */
  readonly charactersChecked?: boolean;
  /** The text's UTF-16 code units, if the caller has them (an ASCII file's bytes are). */
  readonly codeUnits?: CodeUnits;
}

/** Parses `text` (no BOM: the file layer strips it) into a ParsedDocument. */
export function parseXml(text: string, options: ParseOptions = {}): ParsedDocument {
  const errors = new ErrorReporter(text, options.fileName);
  // Forbidden characters are found by one regex pass up front; the scanner then never has to
  // test for them, and whichever fault comes first in the text is the one reported.
  const invalid = options.charactersChecked === true ? -1 : findInvalidChar(text);
  try {
    const given = options.codeUnits;
    const tables = scanDocument(text, given !== undefined && given.length === text.length ? given : codeUnitsOf(text), errors);
    if (invalid !== -1) reportInvalidChar(text, invalid, errors);
    return new ParsedDocument(text, tables, () => errors.lineIndex());
  } catch (e) {
    if (invalid !== -1 && isAppcmdError(e) && isAfter(e, text, invalid, errors)) reportInvalidChar(text, invalid, errors);
    throw e;
  }
}

function reportInvalidChar(text: string, offset: number, errors: ErrorReporter): never {
  errors.fail(`character ${describeChar(text, offset)} is not allowed in XML`, offset);
}

/** Whether the scanner's error lies at or after the invalid character (so the character wins). */
function isAfter(e: { line: number | undefined; column: number | undefined }, text: string, offset: number, errors: ErrorReporter): boolean {
  const at = errors.lineIndex().position(offset);
  const line = e.line ?? Number.MAX_SAFE_INTEGER;
  const column = e.column ?? Number.MAX_SAFE_INTEGER;
  return line > at.line || (line === at.line && column >= at.column);
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** The code units of `text`, written natively where the platform's order is UTF-16LE's. */
function codeUnitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  if (LITTLE_ENDIAN) Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(text, 'utf16le');
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
