import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { AppcmdError } from '../errors.js';
import { checkableBytes } from './ascii-check.js';
import type { ParseOptions } from '../xml/reader.js';
import type { TextEdit } from '../xml/types.js';
import { notFoundError } from './io-error.js';

/** How the file's bytes map to text, so that a write reproduces the same encoding and BOM. */
export type FileEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** The identity of the file as read: a later write refuses to replace a file that no longer matches. */
export interface FileStamp {
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ino: bigint;
}

export interface ConfigFileContent {
  readonly path: string;
  /** The bytes as read: a write copies the untouched stretches from here instead of re-encoding. */
  readonly bytes: Buffer;
  /** Decoded text without the BOM; every offset in the XML layer refers to it. */
  readonly text: string;
  readonly encoding: FileEncoding;
  readonly bom: boolean;
  /** Undefined for a file that did not exist when read (a web.config): a write creates it. */
  readonly stamp: FileStamp | undefined;
  /**
   * How the XML reader is to read `text`: with the file's name, and with what reading the bytes
   * already found (no character XML forbids; the text's code units are the bytes themselves),
   * so that the reader does not find it again.
   */
  readonly parse: ParseOptions;
}

/** What decoding the bytes found out about the text, beyond the text itself. */
interface DecodedText {
  readonly text: string;
  readonly encoding: FileEncoding;
  readonly bom: boolean;
  /** True when the bytes were found to hold no character XML forbids, so the reader need not look. */
  readonly charactersChecked: boolean;
  /** The text's code units when the bytes are them (an ASCII file, past its BOM). */
  readonly codeUnits: Uint8Array | undefined;
}

export function stampOf(path: string): FileStamp {
  const s = statSync(path, { bigint: true });
  return { size: s.size, mtimeNs: s.mtimeNs, ino: s.ino };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;
}

/**
 * The document IIS starts a web.config with, as the content of a file that does not exist yet:
 * nothing is written until a change is committed, and the write then creates the file.
 */
export function newConfigFile(path: string): ConfigFileContent {
  const text = NEW_CONFIG_TEXT;
  return { path, stamp: undefined, bytes: Buffer.from(text), text, encoding: 'utf8', bom: false, parse: { fileName: path } };
}

export const NEW_CONFIG_TEXT = '<?xml version="1.0" encoding="UTF-8"?>\r\n<configuration>\r\n</configuration>\r\n';

export function readConfigFile(path: string): ConfigFileContent {
  let bytes: Buffer;
  let stamp: FileStamp;
  let clean: ((from: number) => boolean) | undefined;
  try {
    stamp = stampOf(path);
    const read = stamp.size >= CHECKED_READ_SIZE ? readCheckable(path, Number(stamp.size)) : undefined;
    bytes = read?.bytes ?? readFileSync(path);
    clean = read?.clean;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      throw notFoundError(path, e);
    }
    throw new AppcmdError('FILE_IO', `Cannot read configuration file "${path}": ${err.message}`, { file: path, cause: e });
  }
  const { text, encoding, bom, charactersChecked, codeUnits } = decodeConfigBytes(bytes, path, clean);
  return { path, stamp, bytes, text, encoding, bom, parse: { fileName: path, charactersChecked, codeUnits } };
}

/**
 * From this size on, the file is read into memory where its bytes can be checked natively (see
 * ascii-check.ts); below it, that check's setup costs more than the regex it spares.
 */
const CHECKED_READ_SIZE = 1 << 20;

/**
 * The file read into checkable memory, or undefined (no WebAssembly, or the file is no longer
 * `size` bytes long: readFileSync then reads whatever it holds now).
 */
function readCheckable(path: string, size: number): { bytes: Buffer; clean: (from: number) => boolean } | undefined {
  const area = checkableBytes(size + 1);
  if (area === undefined) return undefined;
  const fd = openSync(path, 'r');
  let n = 0;
  try {
    for (;;) {
      const r = readSync(fd, area.bytes, n, area.bytes.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === area.bytes.length) return undefined;
    }
  } finally {
    closeSync(fd);
  }
  if (n !== size) return undefined;
  const bytes = Buffer.from(area.bytes.buffer, area.bytes.byteOffset, n);
  return { bytes, clean: (from) => area.isCleanAscii(from, n) };
}

/**
 * The text of a file's bytes. `clean`, when given, answers natively whether the bytes from an
 * offset on are ASCII that XML allows: then neither the ASCII test nor the reader's character
 * check has to look at the text.
 */
export function decodeConfigBytes(
  bytes: Buffer,
  path: string,
  clean?: (from: number) => boolean,
): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le', bom: true, charactersChecked: false, codeUnits: undefined };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf16be', bom: true, charactersChecked: false, codeUnits: undefined };
  }
  if (looksLikeUtf16WithoutBom(bytes)) {
    throw new AppcmdError('FILE_ENCODING', 'Configuration file looks like UTF-16 without a byte order mark; save it as UTF-8, or as UTF-16 with a byte order mark (both are read and written back as they are)', {
      file: path,
      line: 1,
      column: 1,
    });
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // Most config files are pure ASCII: latin1 decoding is the cheapest exact decoding for them.
  const checked = clean?.(bom ? 3 : 0) === true;
  if (checked || isAscii(body)) return { text: body.toString('latin1'), encoding: 'utf8', bom, charactersChecked: checked, codeUnits: body };
  // Decoding invalid UTF-8 would silently turn bytes into U+FFFD and the write would corrupt them.
  if (!isUtf8(body)) {
    throw new AppcmdError('FILE_ENCODING', `Configuration file is not valid UTF-8 (nor UTF-16 with a byte order mark)`, {
      file: path,
      ...firstInvalidUtf8(body),
    });
  }
  return { text: body.toString('utf8'), encoding: 'utf8', bom, charactersChecked: false, codeUnits: undefined };
}

/** `<` or whitespace paired with a NUL in its first code unit: no XML text in UTF-8 starts that way. */
function looksLikeUtf16WithoutBom(bytes: Buffer): boolean {
  if (bytes.length < 4) return false;
  const lead = (b: number | undefined): boolean => b === 0x3c || b === 0x20 || b === 0x0d || b === 0x0a || b === 0x09;
  return (lead(bytes[0]) && bytes[1] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[2] === 0 && lead(bytes[1]));
}

export function encodeConfigText(text: string, encoding: FileEncoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    }
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
  }
}

/** Line and column of the first byte that is not valid UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix; a cut inside a multi-byte sequence is retried a few bytes back.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    let ok = false;
    for (let back = 0; back < 4 && mid - back >= lo; back++) {
      if (isUtf8(bytes.subarray(0, mid - back))) {
        ok = true;
        break;
      }
    }
    if (ok) lo = mid;
    else hi = mid - 1;
  }
  let valid = lo;
  while (valid > 0 && !isUtf8(bytes.subarray(0, valid))) valid--;
  const prefix = bytes.subarray(0, valid).toString('utf8');
  const lines = prefix.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * The new file as byte chunks: the original bytes between edits (shared, not copied) and each
 * edit's text encoded. `edits` are in offset order, as the editor gives them. For UTF-8 only;
 * UTF-16 files are re-encoded whole by encodeConfigText.
 */
export function patchConfigBytes(file: ConfigFileContent, edits: readonly TextEdit[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let bytePos = file.bom ? 3 : 0;
  if (file.bom) chunks.push(file.bytes.subarray(0, 3));
  // A pure-ASCII text has one byte per character; otherwise byte offsets are counted as we go.
  const ascii = file.bytes.length - bytePos === file.text.length;
  let charPos = 0;
  for (const e of edits) {
    const before = ascii ? e.offset - charPos : Buffer.byteLength(file.text.slice(charPos, e.offset), 'utf8');
    chunks.push(file.bytes.subarray(bytePos, bytePos + before));
    bytePos += before;
    const removed = ascii ? e.length : Buffer.byteLength(file.text.slice(e.offset, e.offset + e.length), 'utf8');
    bytePos += removed;
    charPos = e.offset + e.length;
    if (e.text !== '') chunks.push(Buffer.from(e.text, 'utf8'));
  }
  chunks.push(file.bytes.subarray(bytePos));
  return chunks;
}
