import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import type { AppObject } from './app-object.js';
import { findApp, identifiedSite, siteApplications } from './apps.js';
import { applyPropertyChange, type PropertyChange } from './apply-switch.js';
import { isIdenticalAfter } from './identical.js';
import { duplicateObject, inexactIdentifier, objectNotFound } from './object-errors.js';
import type { ObjectChange } from './object-change.js';
import { removeItem } from './owner.js';
import { containingApplicationPath } from '../config/configuration-path.js';
import { applicationName, virtualDirectoryName } from './site-tree.js';
import type { AddOptions } from './sites.js';

/** A <virtualDirectory> as appcmd's VDIR object: `Site/`, `Site/app1/`, `Site/app1/images`. */
function vdirObject(siteName: string, appPath: string, vdir: ConfigurationElement): AppObject {
  const path = vdir.getAttribute('path').text;
  const name = virtualDirectoryName(siteName, appPath, path);
  const app = applicationName(siteName, appPath);
  const physicalPath = vdir.getAttribute('physicalPath').text;
  return {
    type: 'VDIR',
    name,
    properties: [
      ['VDIR.NAME', name],
      ['APP.NAME', app],
      ['path', path],
      ['physicalPath', physicalPath],
    ],
    summary: [['physicalPath', physicalPath]],
    element: vdir,
    view: { name, app, path, physicalPath },
  };
}

export function listVdirs(config: Configuration): AppObject[] {
  return siteApplications(config).flatMap((a) =>
    a.app
      .getCollection()
      .items()
      .map((v) => vdirObject(a.siteName, a.path, v)),
  );
}

/**
 * A virtual directory by its appcmd name. The name is the application's path followed by the
 * directory's, so `Site/a/b` may be directory `/b` of application `/a` or directory `/a/b` of the
 * root application: the application with the longest matching path is tried first, as IIS maps URLs.
 */
export function findVdir(config: Configuration, identifier: string, verb: string): AppObject {
  const slash = identifier.indexOf('/');
  if (slash <= 0) throw inexactIdentifier('VDIR', verb, `Virtual directories are named "SITE/" (the root one), "SITE/app/" or "SITE/path": for example "${identifier}/".`);
  const site = identifiedSite(config, 'VDIR', identifier.slice(0, slash), identifier);
  const siteName = site.getAttribute('name').text;
  const rest = identifier.slice(slash);
  const apps = site
    .getCollection()
    .items()
    .map((app) => ({ app, path: app.getAttribute('path').text }))
    .sort((a, b) => b.path.length - a.path.length);
  for (const { app, path } of apps) {
    const vdirPath = path === '/' ? rest : rest.toLowerCase().startsWith(`${path.toLowerCase()}/`) ? rest.slice(path.length) : undefined;
    if (vdirPath === undefined) continue;
    const vdir = app.getCollection().find({ path: vdirPath });
    if (vdir !== undefined) return vdirObject(siteName, path, vdir);
  }
  const app = apps.find((a) => a.path !== '/' && a.path.toLowerCase() === rest.toLowerCase());
  if (app !== undefined) {
    throw inexactIdentifier('VDIR', verb, `"${identifier}/" is the root virtual directory of application "${identifier}".`);
  }
  const known = apps.flatMap(({ app: a, path }) => a.getCollection().items().map((v) => virtualDirectoryName(siteName, path, v.getAttribute('path').text)));
  const within = containingApplicationPath(site, rest);
  // An application's root directory ("Site/", "Site/app/") is named exactly; only a deeper path that names no directory is inexact.
  const inApp = within === undefined ? undefined : within === '/' ? rest : rest.slice(within.length);
  if (within !== undefined && inApp !== '' && inApp !== '/') {
    throw inexactIdentifier('VDIR', verb, `"${rest}" is not a virtual directory of application "${applicationName(siteName, within)}". List them with: appcmd list vdir /app.name:"${applicationName(siteName, within)}"`);
  }
  throw objectNotFound('VDIR', identifier, known);
}

export interface VdirSpec {
  readonly appName: string;
  readonly path: string;
  readonly physicalPath?: string;
  readonly changes?: readonly PropertyChange[];
}

/** `add vdir /app.name:"Site/app" /path:/images [/physicalPath:…]`. */
export function addVdir(config: Configuration, spec: VdirSpec, options: AddOptions = {}): { changes: ObjectChange[]; notes: string[] } {
  const app = findApp(config, spec.appName, 'ADD');
  const siteName = String(app.view['site']);
  const appPath = String(app.view['path']);
  const vdirs = app.element.getCollection();
  const existing = vdirs.find({ path: spec.path });
  if (existing !== undefined) {
    const same = isIdenticalAfter(existing, spec.changes ?? []) && (spec.physicalPath === undefined || existing.getAttribute('physicalPath').text === spec.physicalPath);
    if (options.idempotent === true && same) {
      return { changes: [{ type: 'VDIR', name: virtualDirectoryName(siteName, appPath, existing.getAttribute('path').text), action: 'unchanged' }], notes: [] };
    }
    throw duplicateObject(spec.path);
  }
  const attributes: Record<string, string> = { path: spec.path };
  if (spec.physicalPath !== undefined) attributes['physicalPath'] = spec.physicalPath;
  const { item, notes } = vdirs.add(attributes);
  const all = [...notes];
  for (const c of spec.changes ?? []) all.push(...applyPropertyChange(item, c));
  return { changes: [{ type: 'VDIR', name: virtualDirectoryName(siteName, appPath, item.getAttribute('path').text), action: 'added' }], notes: all };
}

export function deleteVdir(vdir: AppObject): ObjectChange {
  removeItem(vdir.element);
  return { type: 'VDIR', name: vdir.name, action: 'deleted' };
}
