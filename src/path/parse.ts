import { AppcmdError } from '../errors.js';
import { badPath, malformedIndexer } from './errors.js';
import { readIndexer } from './indexer.js';
import { nameStop } from './lexicon.js';
import type { PathSegment, PropertyPath } from './types.js';

export { formatPropertyPath, formatSegment } from './format.js';

/**
 * Parses a switch name such as `[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy`
 * or `activation.[name='X'].[key='k',value='v']` into segments. Segments are separated by '.'
 * outside indexers; an indexer is always a whole segment (`bindings.[protocol='ftp']`).
 * Throws BAD_INDEXER (appcmd's text, with a hint pointing at the character) or BAD_ARGUMENT.
 */
export function parsePropertyPath(text: string): PropertyPath {
  if (text === '') throw new AppcmdError('BAD_ARGUMENT', 'The property path is empty.');
  const segments: PathSegment[] = [];
  let pos = 0;
  for (;;) {
    if (text[pos] === '[') {
      const read = readIndexer(text, pos);
      segments.push(read.segment);
      pos = read.end;
    } else {
      const end = readName(text, pos);
      if (end === pos) throw badPath(text, pos, 'Empty element name');
      segments.push({ kind: 'name', name: text.slice(pos, end) });
      pos = end;
    }
    if (pos === text.length) return { text, segments };
    // readName stops only at '.', so anything else here follows a ']'.
    if (text[pos] !== '.') throw malformedIndexer(text, pos, "expected '.' after ']'");
    pos++;
    if (pos === text.length) throw badPath(text, pos, 'Empty element name');
  }
}

/** Returns the offset of the '.' (or end) that ends the name starting at `start`. */
function readName(text: string, start: number): number {
  const stop = nameStop(text, start);
  if (stop === -1) return text.length;
  const c = text[stop]!;
  if (c !== '.') throw nameError(text, stop, c, start);
  return stop;
}

function nameError(text: string, pos: number, c: string, start: number): AppcmdError {
  if (c === '[') {
    const before = text.slice(start, pos);
    return malformedIndexer(text, pos, 'an indexer must be a path segment of its own', [
      `Put a '.' before '[': ${before}.[…] rather than ${before}[…].`,
    ]);
  }
  if (c === ']') return malformedIndexer(text, pos, "']' without a matching '['");
  if (c === "'" || c === '"') return badPath(text, pos, 'Unexpected quote in an element name');
  if (c === ':') return badPath(text, pos, "Unexpected ':' in an element name");
  if (c === '=') {
    const error = badPath(text, pos, "Unexpected '=' in an element name");
    return error.withContext({ hints: [`A value follows a ':', as in /${text.slice(0, pos)}:${text.slice(pos + 1)}.`] });
  }
  return badPath(text, pos, 'Unexpected whitespace in an element name');
}
