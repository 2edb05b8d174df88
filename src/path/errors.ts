import { AppcmdError } from '../errors.js';

/**
 * appcmd's own text for any indexer it cannot read, kept verbatim (double space and the missing
 * "can" included) because scripts match on it (appcmd.md §4, iis-docs issues #538/#539).
 */
export const MALFORMED_INDEXER_MESSAGE =
  "Malformed collection indexer; format is [@position,name='value',name2='value2',...].  " +
  "The @position specifier is optional, and be '@start', '@end', or '@N' where N is a numeric index into the collection.";

/**
 * Hint lines that point at the offending character: appcmd only says "malformed", which leaves
 * the user to find the stray quote in a 120-character parameter by eye.
 */
function pointAt(text: string, offset: number, problem: string): string[] {
  return [`${problem} (character ${offset + 1} of the property path)`, `  ${text}`, `  ${' '.repeat(offset)}^`];
}

export function malformedIndexer(text: string, offset: number, problem: string, extra: readonly string[] = []): AppcmdError {
  return new AppcmdError('BAD_INDEXER', MALFORMED_INDEXER_MESSAGE, { hints: [...pointAt(text, offset, problem), ...extra] });
}

export function badPath(text: string, offset: number, message: string): AppcmdError {
  return new AppcmdError('BAD_ARGUMENT', `${message} in property path "${text}".`, {
    hints: pointAt(text, offset, message),
  });
}
