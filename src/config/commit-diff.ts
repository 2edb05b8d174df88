/**
 * What a commit changes, as lines: the change summary (`+3 -1 lines`) and the unified diff that
 * `--dry-run`, `restore backup` and the library's unifiedDiff() show. Built from the text edits
 * (or, for a restore, two whole texts), so a dry run over a 60 MB file costs the size of its edits.
 */
import type { TextEdit } from '../xml/types.js';
import { applyEdits } from '../xml/text-edit.js';
import { diffLines, type DiffLine } from './line-diff.js';

/** What unifiedDiff() needs of a commit result (CommitResult has it). */
export interface DiffSource {
  readonly edits: readonly TextEdit[];
  readonly before: string;
}

/**
 * A commit result as a unified diff (`diff -u` of the file before and after, three lines of
 * context, `a/` and `b/` labels) that `patch` and `git apply` accept; "" when nothing changes.
 */
export function unifiedDiff(result: DiffSource, fileName = 'applicationHost.config'): string {
  return formatUnifiedDiff(`a/${fileName}`, result.before, changesFromEdits(result.before, result.edits), { newLabel: `b/${fileName}` });
}

/** A run of changed lines: `removed` start at old line `oldIndex` (0-based); `added` replace them. */
interface Change {
  readonly oldIndex: number;
  readonly removed: string[];
  readonly added: string[];
}

export interface LineStats {
  readonly added: number;
  readonly removed: number;
}

/**
 * The changed lines of a file, from the text edits a commit would apply, in offset order (as a
 * CommitResult has them): each edit's lines (the whole lines it touches) are diffed on their own,
 * so a dry run over a 60 MB file costs the size of its edits, not of the file.
 */
export function changesFromEdits(before: string, edits: readonly TextEdit[], lineNumbers = true): Change[] {
  const regions: { start: number; end: number; edits: TextEdit[] }[] = [];
  for (const e of edits) {
    const start = lineStart(before, e.offset);
    const end = lineEnd(before, e.offset + e.length);
    const last = regions[regions.length - 1];
    if (last !== undefined && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(e);
    } else regions.push({ start, end, edits: [e] });
  }
  const changes: Change[] = [];
  let line = 0;
  let counted = 0;
  for (const r of regions) {
    // Counting lines up to an edit costs a pass over the text before it: only a diff needs them.
    if (lineNumbers) line += countNewlines(before, counted, r.start);
    counted = r.start;
    const old = before.slice(r.start, r.end);
    const now = applyEdits(old, r.edits.map((e) => ({ ...e, offset: e.offset - r.start })));
    if (isOneLine(old) && isOneLine(now)) {
      // What the line diff gives for one line against one, without running it: a batch makes a
      // one-line region per attribute edit.
      if (old !== now) changes.push({ oldIndex: line, removed: [old], added: [now] });
      continue;
    }
    changes.push(...group(diffLines(splitLines(old), splitLines(now)), line));
  }
  return changes;
}

/** Changes between two whole texts (a restore: the backup against the current file). */
export function changesBetween(before: string, after: string): Change[] {
  return group(diffLines(splitLines(before), splitLines(after)), 0);
}

export function statsOf(changes: readonly Change[]): LineStats {
  return { added: changes.reduce((n, c) => n + c.added.length, 0), removed: changes.reduce((n, c) => n + c.removed.length, 0) };
}

/** A unified diff (`diff -u`, three lines of context) that `patch` and `git apply` accept. */
export function formatUnifiedDiff(label: string, before: string, changes: readonly Change[], options: { newLabel?: string; context?: number } = {}): string {
  const context = options.context ?? 3;
  if (changes.length === 0) return '';
  const starts = lineStarts(before);
  const oldLine = (i: number): string => before.slice(starts[i] ?? before.length, starts[i + 1] ?? before.length);
  const total = before.length === 0 ? 0 : starts.length;
  const out = [`--- ${label}\n`, `+++ ${options.newLabel ?? label}\n`];
  let delta = 0;
  for (let i = 0; i < changes.length; ) {
    let j = i;
    while (j + 1 < changes.length && (changes[j + 1]?.oldIndex ?? 0) - endOf(changes[j]) <= 2 * context) j++;
    const first = changes[i];
    const lastChange = changes[j];
    if (first === undefined || lastChange === undefined) break;
    const from = Math.max(0, first.oldIndex - context);
    const to = Math.min(total, endOf(lastChange) + context);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let cursor = from;
    let hunkDelta = 0;
    for (let k = i; k <= j; k++) {
      const c = changes[k];
      if (c === undefined) continue;
      for (; cursor < c.oldIndex; cursor++, oldCount++, newCount++) body.push(line(' ', oldLine(cursor)));
      for (const r of c.removed) body.push(line('-', r));
      for (const a of c.added) body.push(line('+', a));
      oldCount += c.removed.length;
      newCount += c.added.length;
      hunkDelta += c.added.length - c.removed.length;
      cursor += c.removed.length;
    }
    for (; cursor < to; cursor++, oldCount++, newCount++) body.push(line(' ', oldLine(cursor)));
    const oldStart = oldCount === 0 ? from : from + 1;
    const newStart = newCount === 0 ? from + delta : from + delta + 1;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`, ...body);
    delta += hunkDelta;
    i = j + 1;
  }
  return out.join('');
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? `${prefix}${text}` : `${prefix}${text}\n\\ No newline at end of file\n`;
}

function endOf(c: Change | undefined): number {
  return c === undefined ? 0 : c.oldIndex + c.removed.length;
}

/** Consecutive removed/added lines of a line diff, placed at their old line numbers. */
function group(lines: readonly DiffLine[], firstLine: number): Change[] {
  const changes: Change[] = [];
  let index = firstLine;
  let current: Change | undefined;
  for (const l of lines) {
    if (l.kind === ' ') {
      current = undefined;
      index++;
      continue;
    }
    if (current === undefined) {
      current = { oldIndex: index, removed: [], added: [] };
      changes.push(current);
    }
    if (l.kind === '-') {
      current.removed.push(l.text);
      index++;
    } else current.added.push(l.text);
  }
  return changes;
}

/** Whether a text is a single line (its only line break, if any, at its end). */
function isOneLine(text: string): boolean {
  const lf = text.indexOf('\n');
  return text !== '' && (lf === -1 || lf === text.length - 1);
}

/** Lines with their endings kept (so CRLF files diff, and patch, as they are). */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function lineStart(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset` (after its newline), or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
