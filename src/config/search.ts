import type { ElementRef } from '../xml/editor.js';
import type { ConfigDocument } from './document.js';
import { pathOfLocation } from './location.js';

export interface SearchQuery {
  /** Only this location path and the paths below it ("" for everything). */
  readonly path: string;
  /** Full section path, or undefined for every section. */
  readonly section: string | undefined;
  /** Dotted element path ending in an attribute, relative to the section, with an optional value. */
  readonly attribute: { readonly path: readonly string[]; readonly value: string | undefined } | undefined;
}

export interface SearchHit {
  readonly locationPath: string;
  readonly section: string;
}

/**
 * Which levels of the file set a section (and optionally an attribute, or an attribute to a
 * value): the server level (root and <location path="">) and every <location>. Names compare
 * case-insensitively, as appcmd matches them.
 */
export function searchConfig(doc: ConfigDocument, declared: readonly string[], query: SearchQuery): SearchHit[] {
  const hits: SearchHit[] = [];
  const visit = (container: ElementRef, locationPath: string): void => {
    if (!isAtOrBelow(locationPath, query.path)) return;
    for (const section of declared) {
      if (query.section !== undefined && section.toLowerCase() !== query.section.toLowerCase()) continue;
      const node = descend(doc, container, section.split('/'));
      if (node === undefined || !matches(doc, node, query)) continue;
      if (!hits.some((h) => h.locationPath === locationPath && h.section === section)) hits.push({ locationPath, section });
    }
  };
  visit(doc.xml.root, '');
  for (const child of doc.editor.children(doc.xml.root)) if (child.name === 'location') visit(child, pathOfLocation(doc, child));
  return hits;
}

/** A file searchConfig can read: applicationHost.config ("") or a web.config at its level. */
export interface SearchedFile {
  readonly configPath: string;
  search(query: SearchQuery): SearchHit[];
}

/**
 * searchConfig over several files (applicationHost.config and web.config files), in their order:
 * a web.config's hits are named by its own level joined with its <location path>, as IIS names
 * the configuration path ("Site/app" for app's web.config, "Site/app/x" for its <location path="x">).
 */
export function searchFiles(files: readonly SearchedFile[], query: SearchQuery): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const file of files) {
    const base = file.configPath;
    for (const hit of file.search(base === '' ? query : { ...query, path: '' })) {
      const locationPath = base === '' || hit.locationPath === '' ? base || hit.locationPath : `${base}/${hit.locationPath}`;
      if (isAtOrBelow(locationPath, query.path)) hits.push({ locationPath, section: hit.section });
    }
  }
  return hits;
}

/** Whether a location path is `base` or below it ("" is the whole server); case-insensitive, as IIS matches paths. */
function isAtOrBelow(path: string, base: string): boolean {
  const p = path.toLowerCase();
  const b = base.toLowerCase();
  return b === '' || p === b || p.startsWith(`${b}/`);
}

function descend(doc: ConfigDocument, from: ElementRef, names: readonly string[]): ElementRef | undefined {
  let cur: ElementRef | undefined = from;
  for (const n of names) {
    if (cur === undefined) return undefined;
    const lower = n.toLowerCase();
    cur = doc.editor.children(cur).find((c) => c.name.toLowerCase() === lower);
  }
  return cur;
}

function matches(doc: ConfigDocument, section: ElementRef, query: SearchQuery): boolean {
  const attr = query.attribute;
  if (attr === undefined) return true;
  const element = descend(doc, section, attr.path.slice(0, -1));
  const name = attr.path[attr.path.length - 1]?.toLowerCase();
  if (element === undefined || name === undefined) return false;
  const actual = doc.editor.attributeNames(element).find((n) => n.toLowerCase() === name);
  if (actual === undefined) return false;
  return attr.value === undefined || (doc.editor.getAttribute(element, actual) ?? '').toLowerCase() === attr.value.toLowerCase();
}
