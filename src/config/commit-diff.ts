/**
 * A commit result as a unified diff (what `--dry-run` users and CI logs want to see). Built from
 * the text edits, not by comparing whole files, so it costs nothing on a 50,000-site file.
 */
import { applyEdits, sortEdits } from '../xml/text-edit.js';
import type { TextEdit } from '../xml/types.js';

export interface DiffSource {
  readonly edits: readonly TextEdit[];
  readonly before: string;
}

/** `@@ -l,n +l,n @@` hunks of the changed lines only (no context lines); "" when nothing changed. */
export function unifiedDiff(result: DiffSource, fileName = 'applicationHost.config'): string {
  const text = result.before;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Edits touching the same or adjacent lines form one hunk.
  const groups: { first: number; last: number; edits: TextEdit[] }[] = [];
  for (const e of sortEdits(result.edits)) {
    const first = lineOf(e.offset);
    const last = lineOf(e.offset + e.length);
    const g = groups[groups.length - 1];
    if (g !== undefined && first <= g.last + 1) {
      g.last = Math.max(g.last, last);
      g.edits.push(e);
    } else groups.push({ first, last, edits: [e] });
  }
  const out: string[] = [];
  let shift = 0;
  for (const g of groups) {
    const start = lineStarts[g.first] ?? 0;
    const end = lineStarts[g.last + 1] ?? text.length;
    const oldText = text.slice(start, end);
    const newText = applyEdits(oldText, g.edits.map((e) => ({ ...e, offset: e.offset - start })));
    let removed = splitLines(oldText);
    let added = splitLines(newText);
    // Insertions copy their neighbours' line breaks, so whole unchanged lines often border them.
    let head = 0;
    while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
    let tail = 0;
    while (tail < removed.length - head && tail < added.length - head && removed[removed.length - 1 - tail] === added[added.length - 1 - tail]) tail++;
    removed = removed.slice(head, removed.length - tail);
    added = added.slice(head, added.length - tail);
    const oldStart = g.first + head + 1;
    if (removed.length > 0 || added.length > 0) {
      out.push(`@@ -${range(oldStart, removed.length)} +${range(oldStart + shift, added.length)} @@`);
      for (const l of removed) out.push(`-${l}`);
      for (const l of added) out.push(`+${l}`);
    }
    shift += added.length - removed.length;
  }
  return out.length === 0 ? '' : [`--- a/${fileName}`, `+++ b/${fileName}`, ...out, ''].join('\n');
}

/** Lines without their terminators (a final line without one is still a line). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Unified diff's "l,n"; an empty range names the line before it. */
function range(start: number, count: number): string {
  return count === 0 ? `${start - 1},0` : count === 1 ? `${start}` : `${start},${count}`;
}
