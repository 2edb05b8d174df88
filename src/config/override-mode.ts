import { AppcmdError } from '../errors.js';
import type { ElementRef } from '../xml/editor.js';
import type { ConfigDocument } from './document.js';
import { ensureSectionUnder, locationsAt, sectionUnder } from './location.js';

export type OverrideMode = 'Allow' | 'Deny';

/**
 * Locks or unlocks a section for the levels below a path, the way IIS writes it: the section
 * element moves into a `<location path="…" overrideMode="Allow|Deny">`, reusing one of that path
 * and mode whose other attributes (inheritInChildApplications…) are those of the section's current
 * place, so running it twice, or on a file that has the usual unlock block, adds no second one. A
 * location that holds only this section, with no such location to join, just gets the attribute.
 * Returns false when the section was already in that mode. Comments inside a moved section are
 * not carried over.
 */
export function setOverrideMode(doc: ConfigDocument, sectionPath: string, path: string, mode: OverrideMode): boolean {
  const locations = locationsAt(doc, path);
  const holders = locations.filter((l) => sectionUnder(doc, l, sectionPath) !== undefined);
  if (holders.some((l) => modeOf(doc, l) === mode)) return false;
  const atRoot = path === '' ? sectionUnder(doc, doc.xml.root, sectionPath) : undefined;
  const holder = atRoot === undefined ? holders[0] : undefined;
  const shape = holder === undefined ? '' : shapeOf(doc, holder);
  const target = locations.find((l) => l !== holder && modeOf(doc, l) === mode && shapeOf(doc, l) === shape);
  if (target === undefined && holder !== undefined && onlySection(doc, holder, sectionPath)) {
    writeMode(doc, holder, mode);
    return true;
  }
  const into = target ?? doc.editor.insertElement(doc.xml.root, 'location', [['path', path], ['overrideMode', mode], ...(holder === undefined ? [] : otherAttributes(doc, holder))]);
  const section = ensureSectionUnder(doc, into, sectionPath);
  const source = atRoot ?? (holder === undefined ? undefined : sectionUnder(doc, holder, sectionPath));
  if (source !== undefined) {
    copyChildren(doc, source, section);
    for (const name of doc.editor.attributeNames(source)) doc.editor.setAttribute(section, name, doc.editor.getAttribute(source, name) ?? '');
    removeWithEmptyAncestors(doc, source);
  }
  return true;
}

/** A location's mode: overrideMode, or the legacy allowOverride it replaces (false = Deny). */
function modeOf(doc: ConfigDocument, location: ElementRef): string | undefined {
  const mode = doc.editor.getAttribute(location, 'overrideMode');
  if (mode !== undefined) return mode.toLowerCase() === 'allow' ? 'Allow' : mode.toLowerCase() === 'deny' ? 'Deny' : mode;
  const legacy = doc.editor.getAttribute(location, 'allowOverride')?.toLowerCase();
  return legacy === 'false' ? 'Deny' : legacy === 'true' ? 'Allow' : undefined;
}

/** IIS refuses allowOverride and overrideMode on one location, so the new mode replaces the legacy one. */
function writeMode(doc: ConfigDocument, location: ElementRef, mode: OverrideMode): void {
  if (doc.editor.getAttribute(location, 'allowOverride') !== undefined) doc.editor.removeAttribute(location, 'allowOverride');
  doc.editor.setAttribute(location, 'overrideMode', mode);
}

const MODE_ATTRIBUTES = new Set(['path', 'overrideMode', 'allowOverride']);

/** A location's attributes other than its path and mode: what a section moved between locations must keep. */
function otherAttributes(doc: ConfigDocument, location: ElementRef): Array<[string, string]> {
  return doc.editor
    .attributeNames(location)
    .filter((n) => !MODE_ATTRIBUTES.has(n))
    .map((n): [string, string] => [n, doc.editor.getAttribute(location, n) ?? '']);
}

function shapeOf(doc: ConfigDocument, location: ElementRef): string {
  return otherAttributes(doc, location)
    .map(([n, v]) => `${n.toLowerCase()}=${v.toLowerCase()}`)
    .sort()
    .join('\u0000');
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
    // An empty <location> has no effect, whatever its attributes; a group element with attributes is kept.
    if (doc.editor.children(parent).length > 0 || (parent.name !== 'location' && doc.editor.attributeNames(parent).length > 0)) return;
    cur = parent;
  }
}
