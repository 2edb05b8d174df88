/**
 * Applies TextEdits to a string in one pass, as jsonc-parser's applyEdits does: the only way the
 * project writes a changed document, so untouched characters are copied, never re-serialized.
 */
import type { TextEdit } from './types.js';

/**
 * Edits are applied in offset order; edits at the same offset keep their given order (so two
 * insertions at one point appear in the order given). Overlapping edits are a programming error.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  const parts: string[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (!Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length < 0 || e.offset + e.length > text.length) {
      throw new Error(`text edit out of range: offset ${e.offset}, length ${e.length}, text length ${text.length}`);
    }
    if (e.offset < cursor) {
      throw new Error(`overlapping text edits: an edit at offset ${e.offset} starts before the previous edit ends at ${cursor}`);
    }
    parts.push(text.slice(cursor, e.offset), e.text);
    cursor = e.offset + e.length;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * The edits by offset, ties in their given order (Array.prototype.sort is stable): the edits
 * themselves when they are in that order already, as the editor gives them.
 */
function sortEdits(edits: readonly TextEdit[]): readonly TextEdit[] {
  for (let i = 1; i < edits.length; i++) if (edits[i]!.offset < edits[i - 1]!.offset) return [...edits].sort((a, b) => a.offset - b.offset);
  return edits;
}
