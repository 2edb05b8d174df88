/**
 * IIS's locks across configuration files: what lockAttributes, lockAllAttributesExcept,
 * lockElements, lockAllElementsExcept and lockItem written at a level forbid to the files below.
 * A lock binds lower files only, not a lower <location path> of the same file (IIS's config
 * system treats one file as one level: a server-level lockAttributes="enabled" in
 * applicationHost.config still lets its <location path="Site"> set enabled, but not the site's
 * web.config). Each check returns the hint that says where the lock is, or undefined.
 */
import { AppcmdError } from '../errors.js';
import type { ConfigurationElement } from './element.js';
import { locksAttribute, locksElement } from './lock-attributes.js';

/** IIS's text for a write, or a file's content, that a lock at a parent level forbids. */
export const LOCK_VIOLATION = 'Lock violation';

export function lockViolation(hint: string): AppcmdError {
  return new AppcmdError('LOCKED', LOCK_VIOLATION, { hints: [hint] });
}

/** The same element at the levels above `el` that are in other files, nearest first. */
function levelsInFilesAbove(el: ConfigurationElement): ConfigurationElement[] {
  const out: ConfigurationElement[] = [];
  for (let up = el.inherited; up !== undefined; up = up.inherited) if (up.document !== el.document) out.push(up);
  return out;
}

/** Where a lock is written, for the hint: the file and line of the element that holds it. */
function lockWhere(element: ConfigurationElement, what: string): string {
  const line = element.line;
  return `${what} of <${element.elementName}> in ${element.document.filePath}${line === undefined ? '' : `, line ${line}`}`;
}

/** `attribute` of `el` is locked by a file above (lockAttributes, lockAllAttributesExcept). */
export function attributeLock(el: ConfigurationElement, attribute: string): string | undefined {
  for (const up of levelsInFilesAbove(el)) {
    if (locksAttribute({ lockAttributes: up.explicitText('lockAttributes'), lockAllAttributesExcept: up.explicitText('lockAllAttributesExcept') }, attribute)) {
      return `"${attribute}" of <${el.elementName}> is locked at a parent level (${lockWhere(up, up.explicitText('lockAttributes') === undefined ? 'lockAllAttributesExcept' : 'lockAttributes')}); remove the lock there first.`;
    }
  }
  return undefined;
}

/** The child element (or collection tag: add, remove, clear) `name` of `el` is locked by a file above. */
export function childLock(el: ConfigurationElement, name: string): string | undefined {
  for (const up of levelsInFilesAbove(el)) {
    const only = up.explicitText('lockElements');
    if (locksElement(only, up.explicitText('lockAllElementsExcept'), name)) {
      return `<${name}> of <${el.elementName}> is locked at a parent level (${lockWhere(up, only === undefined ? 'lockAllElementsExcept' : 'lockElements')}); remove the lock there first.`;
    }
  }
  return undefined;
}

/** Writing into `el` is forbidden: it, or an element holding it, is a child that a file above locks. */
export function elementLock(el: ConfigurationElement): string | undefined {
  for (let e = el; e.parent !== undefined; e = e.parent) {
    const hint = childLock(e.parent, e.elementName);
    if (hint !== undefined) return hint;
  }
  return undefined;
}

/** An item of a file above that carries lockItem="true": it may not be removed, cleared or changed below. */
export function itemLock(item: ConfigurationElement, writtenIn: ConfigurationElement): string | undefined {
  if (item.document === writtenIn.document || item.explicitText('lockItem')?.trim().toLowerCase() !== 'true') return undefined;
  return `<${item.elementName}${keyText(item)}> is locked at a parent level (${lockWhere(item, 'lockItem="true"')}); it cannot be removed, cleared or changed here.`;
}

function keyText(item: ConfigurationElement): string {
  const collection = item.parent?.schema.collection;
  const keys = collection?.keyAttributes ?? [];
  return keys.map((k) => ` ${k.name}="${item.effectiveText(k).text ?? ''}"`).join('');
}

/**
 * The first thing written at one level of a file (a section at its root or a <location>) that a
 * file above locks, with its line: an attribute (lockAttributes…), a child element or a
 * collection's add/remove/clear (lockElements…), a <remove> or <clear/> of an item carrying
 * lockItem="true". IIS refuses to read such a file, so it is found on reading, not only on writing.
 */
export function writtenLockViolation(level: ConfigurationElement): { hint: string; line: number | undefined } | undefined {
  const work: ConfigurationElement[] = [level];
  for (let el = work.pop(); el !== undefined; el = work.pop()) {
    const node = el.node;
    if (node === undefined) continue;
    const editor = el.document.editor;
    for (const name of editor.attributeNames(node)) {
      const hint = el.schema.getAttribute(name) === undefined ? undefined : attributeLock(el, name);
      if (hint !== undefined) return { hint, line: el.line };
    }
    const collection = el.schema.collection;
    for (const child of editor.children(node)) {
      if (el.schema.getElement(child.name) !== undefined) {
        const sub = el.getChildElement(child.name);
        const hint = childLock(el, child.name);
        if (hint !== undefined) return { hint, line: sub.line };
        work.push(sub);
        continue;
      }
      if (collection === undefined) continue;
      const isRemove = child.name === collection.removeElementName;
      const isClear = child.name === collection.clearElementName;
      if (!isRemove && !isClear && !collection.addElementNames.includes(child.name)) continue;
      let hint = childLock(el, child.name);
      if (hint === undefined && (isRemove || isClear)) {
        const above = el.inherited;
        const inherited = above?.hasCollection === true ? above.getCollection().items() : [];
        const removed = isRemove ? inherited.filter((i) => el.getCollection().removes(child, i)) : inherited;
        hint = removed.map((i) => itemLock(i, el)).find((h) => h !== undefined);
      }
      if (hint !== undefined) return { hint, line: el.document.lineOf(child) };
    }
  }
  return undefined;
}
