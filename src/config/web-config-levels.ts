import { join } from 'node:path';
import type { AppcmdError } from '../errors.js';
import type { Configuration } from './configuration.js';
import type { ConfigurationElement } from './element.js';
import { SITES_SECTION } from './apphost-sections.js';
import { mapPhysicalPath, unmappedPathError, type PhysicalPathMapping } from './physical-root.js';

/** What a configuration path below the server is, in IIS's terms (allowDefinition depends on it). */
export type LevelKind = 'site' | 'application' | 'virtualDirectory' | 'folder';

/** One level below the server on the way to a path: where its web.config is. */
export interface WebConfigLevel {
  /** Its location path ("Site", "Site/app", "Site/app/images"). */
  readonly configPath: string;
  readonly kind: LevelKind;
  /** The local folder of its web.config; undefined when its physicalPath is not mapped (`unmapped` says why). */
  readonly folder: string | undefined;
  /** The error naming the owner and its physicalPath, made only when it is thrown: `search config` meets thousands of unmapped levels. */
  readonly unmapped?: () => AppcmdError;
}

/**
 * The levels of a location path below the server, outermost first: "Site/app/images" → the site
 * root, the application, the folder (or virtual directory). Each folder is the physicalPath of
 * the virtual directory that serves it (the longest path match in the longest-matching
 * application), plus the rest of the path. A site that does not exist has no levels.
 */
export function webConfigLevels(apphost: Configuration, mapping: PhysicalPathMapping, locationPath: string): WebConfigLevel[] {
  if (locationPath === '') return [];
  const [siteName, ...rest] = locationPath.split('/');
  const site = apphost.getSection(SITES_SECTION).getCollection().find({ name: siteName ?? '' });
  return site === undefined ? [] : siteLevels(site, mapping, rest);
}

/** webConfigLevels for a site already found, and the segments of the path below its root. */
export function siteLevels(site: ConfigurationElement, mapping: PhysicalPathMapping, below: readonly string[]): WebConfigLevel[] {
  const siteName = String(site.getAttributeValue('name'));
  const apps = site.getCollection().items();
  const out: WebConfigLevel[] = [];
  for (let depth = 0; depth <= below.length; depth++) {
    const virtualPath = '/' + below.slice(0, depth).join('/');
    out.push(levelAt(site, apps, mapping, `${siteName}${depth === 0 ? '' : virtualPath}`, virtualPath));
  }
  return out;
}

function levelAt(site: ConfigurationElement, apps: readonly ConfigurationElement[], mapping: PhysicalPathMapping, configPath: string, virtualPath: string): WebConfigLevel {
  const app = longestMatch(apps, virtualPath);
  const appPath = pathOf(app);
  const inApp = appPath === '/' ? virtualPath : virtualPath.slice(appPath.length) || '/';
  const vdir = app === undefined ? undefined : longestMatch(app.getCollection().items(), inApp);
  const vdirPath = pathOf(vdir);
  const kind: LevelKind = app !== undefined && sameText(appPath, virtualPath) ? (appPath === '/' ? 'site' : 'application') : vdir !== undefined && sameText(vdirPath, inApp) ? 'virtualDirectory' : 'folder';
  const physicalPath = vdir === undefined ? undefined : String(vdir.getAttributeValue('physicalPath'));
  const siteName = String(site.getAttributeValue('name'));
  const owner = vdir === undefined || (appPath === '/' && vdirPath === '/') ? `site "${siteName}"` : vdirPath === '/' ? `application "${siteName}${appPath}"` : `virtual directory "${siteName}${appPath === '/' ? '' : appPath}${vdirPath}"`;
  if (physicalPath === undefined || physicalPath === '') return { configPath, kind, folder: undefined, unmapped: () => unmappedPathError(owner, physicalPath ?? '') };
  const base = mapPhysicalPath(mapping, physicalPath);
  if (base === undefined) return { configPath, kind, folder: undefined, unmapped: () => unmappedPathError(owner, physicalPath) };
  const below = inApp.slice(vdirPath === '/' ? 1 : vdirPath.length + 1).split('/').filter((s) => s !== '');
  return { configPath, kind, folder: below.length === 0 ? base : join(base, ...below) };
}

/** The item whose path is the longest whole-segment prefix of `virtualPath` (case-insensitive, as IIS matches URLs). */
function longestMatch(items: readonly ConfigurationElement[], virtualPath: string): ConfigurationElement | undefined {
  let best: ConfigurationElement | undefined;
  const target = virtualPath.toLowerCase();
  for (const item of items) {
    const p = pathOf(item).toLowerCase();
    const fits = p === '/' || target === p || target.startsWith(`${p}/`);
    if (fits && (best === undefined || p.length > pathOf(best).length)) best = item;
  }
  return best;
}

function pathOf(item: ConfigurationElement | undefined): string {
  const p = item === undefined ? '/' : String(item.getAttributeValue('path'));
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
