import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from './configuration.js';
import { SITES_SECTION } from './apphost-sections.js';
import type { PhysicalPathMapping } from './physical-root.js';
import { siteLevels, type WebConfigLevel } from './web-config-levels.js';

/**
 * Every level of the URL namespace at or below `under` (a location path, "" for the whole server)
 * that can hold a web.config, outermost first: each site root, application and virtual directory,
 * and every folder below their folders. A folder counts only where its URL is really served from
 * it: a sub-folder of the site root that an application of its own name shadows is not read by
 * IIS, so it is not listed. Symbolic links are not followed (a loop would never end).
 */
export function webConfigLevelsBelow(apphost: Configuration, mapping: PhysicalPathMapping, under: string): WebConfigLevel[] {
  const out = new Map<string, WebConfigLevel>();
  const inScope = (p: string): boolean => under === '' || isAtOrBelow(p, under) || isAtOrBelow(under, p);
  const add = (level: WebConfigLevel): void => {
    const key = level.configPath.toLowerCase();
    if (!out.has(key) && inScope(level.configPath)) out.set(key, level);
  };
  for (const site of apphost.getSection(SITES_SECTION).getCollection().items()) {
    const name = String(site.getAttributeValue('name'));
    if (!inScope(name)) continue;
    // Each level is found from the site element itself: a lookup by name per level costs O(sites²) on a big server.
    const levelsOf = (path: string): WebConfigLevel[] => siteLevels(site, mapping, path.split('/').slice(1));
    for (const app of site.getCollection().items()) {
      const appPath = trimPath(String(app.getAttributeValue('path')));
      for (const vdir of app.getCollection().items()) {
        const vdirPath = trimPath(String(vdir.getAttributeValue('path')));
        const levels = levelsOf(`${name}${appPath}${vdirPath}`);
        for (const level of levels) add(level);
        const served = levels.at(-1);
        if (served?.folder === undefined) continue;
        for (const relative of subFolders(served.folder)) {
          const level = levelsOf(`${served.configPath}/${relative.join('/')}`).at(-1);
          // Served from another folder (an application or virtual directory of that name): IIS never reads this one.
          if (level?.folder !== undefined && level.folder === join(served.folder, ...relative)) add(level);
        }
      }
    }
  }
  return [...out.values()].sort((a, b) => depth(a.configPath) - depth(b.configPath));
}

/** The folders below `root`, as paths of names relative to it, parents first. */
function subFolders(root: string): string[][] {
  const out: string[][] = [];
  const pending: string[][] = [[]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(join(root, ...next), { withFileTypes: true });
    } catch {
      continue; // A folder that vanished or cannot be read holds no web.config this tool can read.
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const rel = [...next, e.name];
      out.push(rel);
      pending.push(rel);
    }
  }
  return out;
}

function trimPath(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? '' : t.startsWith('/') ? t : `/${t}`;
}

function isAtOrBelow(path: string, base: string): boolean {
  const p = path.toLowerCase();
  const b = base.toLowerCase();
  return p === b || p.startsWith(`${b}/`);
}

function depth(path: string): number {
  return path.split('/').length;
}
