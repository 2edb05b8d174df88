import { AppcmdError } from '../errors.js';
import type { ElementRef } from '../xml/editor.js';
import type { ConfigDocument } from './document.js';
import type { NodeSlot } from './element.js';

/** The configuration path of applicationHost.config itself. */
export const APPHOST_PATH = 'MACHINE/WEBROOT/APPHOST';

/**
 * A configuration path as appcmd takes it ("Default Web Site/app", "Default Web Site/",
 * "MACHINE/WEBROOT/APPHOST/Default Web Site") → the location path inside applicationHost.config
 * ("" for the server level).
 */
export function locationPathOf(configPath: string | undefined): string {
  if (configPath === undefined) return '';
  let p = configPath.trim().replace(/\\/g, '/');
  if (/^https?:\/\//i.test(p)) {
    throw new AppcmdError('UNSUPPORTED', `A URL ("${configPath}") needs the server's bindings to resolve; give the configuration path instead, e.g. "Default Web Site/app".`);
  }
  if (p.toUpperCase() === APPHOST_PATH) return '';
  if (p.toUpperCase().startsWith(`${APPHOST_PATH}/`)) p = p.slice(APPHOST_PATH.length + 1);
  else if (/^MACHINE(\/|$)/i.test(p)) {
    throw new AppcmdError('UNSUPPORTED', `The configuration path "${configPath}" is above MACHINE/WEBROOT/APPHOST (machine.config or the root web.config); this tool edits applicationHost.config only.`);
  }
  return p.replace(/^\/+|\/+$/g, '');
}

/** The full configuration path of a location path. */
export function configPathOf(locationPath: string): string {
  return locationPath === '' ? APPHOST_PATH : `${APPHOST_PATH}/${locationPath}`;
}

/** The levels a path inherits from, outermost first: "A/B" → ["A", "A/B"] (the server level is separate). */
export function ancestorPaths(locationPath: string): string[] {
  if (locationPath === '') return [];
  const parts = locationPath.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function samePath(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The normalized path of a <location> element ("" and "." are the server level). */
export function pathOfLocation(doc: ConfigDocument, location: ElementRef): string {
  const raw = doc.editor.getAttribute(location, 'path') ?? '';
  const p = raw.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  return p === '.' ? '' : p;
}

/** Every <location> element of the file for `path`, in file order. */
export function locationsAt(doc: ConfigDocument, path: string): ElementRef[] {
  return doc.editor.children(doc.xml.root).filter((c) => c.name === 'location' && samePath(pathOfLocation(doc, c), path));
}

/** The section element under `container` (a <location> or the root), following the group names. */
export function sectionUnder(doc: ConfigDocument, container: ElementRef, sectionPath: string): ElementRef | undefined {
  let cur: ElementRef | undefined = container;
  for (const n of sectionPath.split('/')) {
    if (cur === undefined) return undefined;
    cur = doc.childNamed(cur, n);
  }
  return cur;
}

/** Creates the missing groups and the section element under `container`. */
export function ensureSectionUnder(doc: ConfigDocument, container: ElementRef, sectionPath: string): ElementRef {
  let cur = container;
  for (const n of sectionPath.split('/')) {
    const next = doc.childNamed(cur, n);
    if (next !== undefined) {
      cur = next;
      continue;
    }
    // IIS keeps <location> blocks after the server-level sections; new groups go before them.
    const children = doc.editor.children(cur);
    const loc = cur === doc.xml.root ? children.findIndex((c) => c.name === 'location') : -1;
    cur = doc.editor.insertElement(cur, n, [], loc >= 0 ? loc : undefined);
  }
  return cur;
}

/** The section at the root of the file, outside any <location>. */
export function rootSlot(doc: ConfigDocument, sectionPath: string): NodeSlot {
  return {
    find: () => sectionUnder(doc, doc.xml.root, sectionPath),
    ensure: () => ensureSectionUnder(doc, doc.xml.root, sectionPath),
  };
}

/**
 * The section inside <location path=…>. A write reuses a <location> for that path that already
 * holds the section, else one without an overrideMode (so the new section is not locked or
 * unlocked by accident), else a new <location path="…"> at the end of the file.
 */
export function locationSlot(doc: ConfigDocument, sectionPath: string, path: string): NodeSlot {
  const find = (): ElementRef | undefined => {
    for (const l of locationsAt(doc, path)) {
      const s = sectionUnder(doc, l, sectionPath);
      if (s !== undefined) return s;
    }
    return undefined;
  };
  return {
    find,
    ensure: () => {
      const existing = find();
      if (existing !== undefined) return existing;
      const plain = locationsAt(doc, path).find((l) => {
        const mode = doc.editor.getAttribute(l, 'overrideMode');
        return mode === undefined || mode === 'Inherit';
      });
      const location = plain ?? doc.editor.insertElement(doc.xml.root, 'location', [['path', path]]);
      return ensureSectionUnder(doc, location, sectionPath);
    },
  };
}

/** Whether a <location> of a path above `path` (or the server level) locks the section with overrideMode="Deny". */
export function lockedAbove(doc: ConfigDocument, sectionPath: string, path: string): string | undefined {
  return ['', ...ancestorPaths(path).slice(0, -1)].find((p) => overrideModeAt(doc, sectionPath, p) === 'Deny');
}

/**
 * The override mode a level of the file sets for a section: that of a <location path> holding
 * it, from overrideMode or the legacy allowOverride; undefined when none says.
 */
export function overrideModeAt(doc: ConfigDocument, sectionPath: string, path: string): 'Allow' | 'Deny' | undefined {
  for (const l of locationsAt(doc, path)) {
    if (sectionUnder(doc, l, sectionPath) === undefined) continue;
    const mode = doc.editor.getAttribute(l, 'overrideMode');
    if (mode === 'Allow' || mode === 'Deny') return mode;
    const allow = doc.editor.getAttribute(l, 'allowOverride')?.toLowerCase();
    if (allow === 'false') return 'Deny';
    if (allow === 'true') return 'Allow';
  }
  return undefined;
}

/** The section element written at a level of the file (the root, or a <location path>), if any. */
export function sectionUnderLevel(doc: ConfigDocument, sectionPath: string, path: string): ElementRef | undefined {
  return (path === '' ? sectionUnder(doc, doc.xml.root, sectionPath) : undefined) ?? locationSlot(doc, sectionPath, path).find();
}
