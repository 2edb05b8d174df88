import { AppcmdError } from '../errors.js';
import type { ElementRef } from '../xml/editor.js';
import type { ConfigDocument } from './document.js';
import { ensureSectionUnder, locationsAt, sectionUnder } from './location.js';

export type OverrideMode = 'Allow' | 'Deny';

/**
 * Locks or unlocks a section for the levels below a path, the way IIS writes it: the section
 * element moves into a `<location path="…" overrideMode="Allow|Deny">` (created when missing; a
 * location that holds only this section just gets the attribute). Returns false when the section
 * was already in that mode. Comments inside a moved section are not carried over.
 */
export function setOverrideMode(doc: ConfigDocument, sectionPath: string, path: string, mode: OverrideMode): boolean {
  const editor = doc.editor;
  const modeOf = (l: ElementRef): string | undefined => editor.getAttribute(l, 'overrideMode');
  const holders = locationsAt(doc, path).filter((l) => sectionUnder(doc, l, sectionPath) !== undefined);
  if (holders.some((l) => modeOf(l) === mode)) return false;
  const alone = holders.find((l) => onlySection(doc, l, sectionPath));
  if (alone !== undefined) {
    editor.setAttribute(alone, 'overrideMode', mode);
    return true;
  }
  const existing = holders.map((l) => sectionUnder(doc, l, sectionPath));
  const atRoot = path === '' ? sectionUnder(doc, doc.xml.root, sectionPath) : undefined;
  const source = atRoot ?? existing[0];
  const target =
    locationsAt(doc, path).find((l) => modeOf(l) === mode) ?? editor.insertElement(doc.xml.root, 'location', [['path', path], ['overrideMode', mode]]);
  const section = ensureSectionUnder(doc, target, sectionPath);
  if (source !== undefined) {
    copyChildren(doc, source, section);
    for (const name of editor.attributeNames(source)) editor.setAttribute(section, name, editor.getAttribute(source, name) ?? '');
    removeWithEmptyAncestors(doc, source);
  }
  return true;
}

/** Whether the section is the only content of a <location> (so the location itself can change mode). */
function onlySection(doc: ConfigDocument, location: ElementRef, sectionPath: string): boolean {
  let cur: ElementRef = location;
  for (const name of sectionPath.split('/')) {
    const children = doc.editor.children(cur);
    if (children.length !== 1 || children[0]?.name !== name) return false;
    cur = children[0];
  }
  return true;
}

/**
 * How deep a moved section may nest. The copy is re-indented one unit per level, so its text grows
 * with the square of the depth; real sections nest less than a dozen levels.
 */
const MAX_MOVE_DEPTH = 1000;

/** Copies a subtree with an explicit stack: a hostile file may nest deeper than the call stack. */
function copyChildren(doc: ConfigDocument, from: ElementRef, to: ElementRef): void {
  const work: Array<[ElementRef, ElementRef, number]> = [[from, to, 0]];
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const [source, target, depth] = next;
    if (depth > MAX_MOVE_DEPTH) {
      throw new AppcmdError('UNSUPPORTED', `The section nests more than ${MAX_MOVE_DEPTH} levels deep, so it cannot be moved into a <location> element (its re-indented text would not fit in memory).`, {
        file: doc.filePath,
        line: doc.lineOf(source),
      });
    }
    for (const child of doc.editor.children(source)) {
      const attrs = doc.editor.attributeNames(child).map((n): [string, string] => [n, doc.editor.getAttribute(child, n) ?? '']);
      work.push([child, doc.editor.insertElement(target, child.name, attrs), depth + 1]);
    }
  }
}

/** Removes an element, then any group element or <location> it leaves empty. */
function removeWithEmptyAncestors(doc: ConfigDocument, el: ElementRef): void {
  let cur: ElementRef = el;
  for (;;) {
    const parent = doc.editor.parent(cur);
    doc.editor.removeElement(cur);
    if (parent === null || parent === doc.xml.root) return;
    if (doc.editor.children(parent).length > 0 || doc.editor.attributeNames(parent).some((n) => parent.name !== 'location' || (n !== 'path' && n !== 'overrideMode'))) return;
    cur = parent;
  }
}
