/**
 * The edits that bring an existing element's children to a new list: removed children lose their
 * whole line when they are alone on it, and each run of new children is placed beside its nearest
 * surviving sibling with that sibling's indentation, or, when no child survives, laid out one
 * indent unit inside the parent.
 */
import { attributesEnd } from './attribute-edits.js';
import { indentationBefore, type DocumentLayout } from './layout.js';
import { isPending, type ElementRef, type PendingElement } from './pending.js';
import { renderPending } from './render.js';
import type { TextEdit, XmlElement } from './types.js';

export function childEdits(text: string, layout: DocumentLayout, parent: XmlElement, current: readonly ElementRef[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const kept = new Set<ElementRef>(current);
  for (const c of parent.children) if (!kept.has(c)) edits.push(removalEdit(text, c));

  let previous: XmlElement | undefined;
  for (let i = 0; i < current.length; ) {
    const item = current[i]!;
    if (!isPending(item)) {
      previous = item;
      i++;
      continue;
    }
    const run: PendingElement[] = [];
    for (let p = current[i]; p !== undefined && isPending(p); p = current[++i]) run.push(p);
    const next = current[i] as XmlElement | undefined;
    const placement = new Placement(text, layout);
    if (previous !== undefined) edits.push(placement.after(previous, run));
    else if (next !== undefined) edits.push(placement.before(next, run));
    else edits.push(placement.into(parent, run));
  }
  return edits;
}

/** Deletes an element: its whole line(s) when nothing else is on them, else exactly its span. */
export function removalEdit(text: string, el: XmlElement): TextEdit {
  const indent = indentationBefore(text, el.start);
  if (indent !== undefined) {
    let e = el.end;
    while (text.charCodeAt(e) === 0x20 || text.charCodeAt(e) === 0x09) e++;
    const c = text.charCodeAt(e);
    const lineEnd = c === 0x0d ? (text.charCodeAt(e + 1) === 0x0a ? e + 2 : e + 1) : c === 0x0a ? e + 1 : e === text.length ? e : -1;
    if (lineEnd !== -1) {
      const from = el.start - indent.length;
      return { offset: from, length: lineEnd - from, text: '' };
    }
  }
  return { offset: el.start, length: el.end - el.start, text: '' };
}

class Placement {
  constructor(
    private readonly text: string,
    private readonly layout: DocumentLayout,
  ) {}

  /** After a surviving sibling, each new element on its own line at the sibling's indentation. */
  after(sibling: XmlElement, run: readonly PendingElement[]): TextEdit {
    const indent = this.indentOf(sibling.start);
    if (indent === undefined) return { offset: sibling.end, length: 0, text: this.inline(run) };
    let text = '';
    for (const p of run) text += this.layout.eol + indent + renderPending(p, indent, this.layout);
    return { offset: this.endOfLine(sibling.end), length: 0, text };
  }

  /** Before the first surviving sibling (insertion at index 0). */
  before(sibling: XmlElement, run: readonly PendingElement[]): TextEdit {
    const indent = this.indentOf(sibling.start);
    if (indent === undefined) return { offset: sibling.start, length: 0, text: this.inline(run) };
    let text = '';
    for (const p of run) text += renderPending(p, indent, this.layout) + this.layout.eol + indent;
    return { offset: sibling.start, length: 0, text };
  }

  /** Into a parent none of whose original children survive. */
  into(parent: XmlElement, run: readonly PendingElement[]): TextEdit {
    const outer = this.indentOf(parent.start);
    const inner = outer === undefined ? undefined : outer + this.layout.indentUnit;
    const body = (): string => {
      if (outer === undefined || inner === undefined) return this.inline(run);
      let text = '';
      for (const p of run) text += this.layout.eol + inner + renderPending(p, inner, this.layout);
      return text + this.layout.eol + outer;
    };
    if (parent.selfClosing) {
      // `<p a="1" />` → `<p a="1">…</p>`: everything up to the last attribute stays as it is.
      const from = attributesEnd(parent);
      return { offset: from, length: parent.end - from, text: `>${body()}</${parent.name}>` };
    }
    const content = this.text.slice(parent.startTagEnd, parent.endTagStart);
    if (parent.children.length === 0 && /^[ \t\r\n]*$/.test(content)) {
      return { offset: parent.startTagEnd, length: content.length, text: body() };
    }
    // Content worth keeping (comments, text, removed children's leftovers): add before the end tag.
    const endIndent = inner === undefined ? undefined : indentationBefore(this.text, parent.endTagStart);
    if (inner !== undefined && endIndent !== undefined) {
      let text = '';
      for (const p of run) text += inner + renderPending(p, inner, this.layout) + this.layout.eol;
      return { offset: parent.endTagStart - endIndent.length, length: 0, text };
    }
    return { offset: parent.endTagStart, length: 0, text: body() };
  }

  private inline(run: readonly PendingElement[]): string {
    let text = '';
    for (const p of run) text += renderPending(p, undefined, this.layout);
    return text;
  }

  /** Line layout needs both a line ending in the document and an element that starts its line. */
  private indentOf(offset: number): string | undefined {
    return this.layout.eol === '' ? undefined : indentationBefore(this.text, offset);
  }

  /**
   * Where a line after `offset` may begin: the end of the current line when only whitespace and
   * one-line comments follow (a trailing comment stays with the element it annotates).
   */
  private endOfLine(offset: number): number {
    const text = this.text;
    let p = offset;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 0x20 || c === 0x09) p++;
      else if (c === 0x0d || c === 0x0a) return p;
      else if (text.startsWith('<!--', p)) {
        const close = text.indexOf('-->', p + 4);
        if (close === -1 || /[\r\n]/.test(text.slice(p, close))) return offset;
        p = close + 3;
      } else return offset;
    }
  }
}
