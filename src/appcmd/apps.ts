import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import type { AppObject } from './app-object.js';
import { applyPropertyChange, type PropertyChange } from './apply-switch.js';
import { isIdenticalAfter } from './identical.js';
import { duplicateObject, inexactIdentifier, objectNotFound } from './object-errors.js';
import type { ObjectChange } from './object-change.js';
import { removeItem } from './owner.js';
import { containingApplicationPath } from '../config/configuration-path.js';
import { applicationName, virtualDirectoryName } from './site-tree.js';
import { siteCollection, type AddOptions } from './sites.js';

/** An <application> as appcmd's APP object, named `Site/` or `Site/path`. */
function appObject(siteName: string, app: ConfigurationElement): AppObject {
  const path = app.getAttribute('path').text;
  const name = applicationName(siteName, path);
  const pool = app.getAttribute('applicationPool').text;
  return {
    type: 'APP',
    name,
    properties: [
      ['APP.NAME', name],
      ['APPPOOL.NAME', pool],
      ['SITE.NAME', siteName],
      ['path', path],
    ],
    summary: [['applicationPool', pool]],
    element: app,
    view: { name, site: siteName, path, applicationPool: pool },
  };
}

/** Every <application> of every site, with the names appcmd builds its APP and VDIR names from. */
export function siteApplications(config: Configuration): { siteName: string; path: string; app: ConfigurationElement }[] {
  return siteCollection(config)
    .items()
    .flatMap((site) => {
      const siteName = site.getAttribute('name').text;
      return site
        .getCollection()
        .items()
        .map((app) => ({ siteName, path: app.getAttribute('path').text, app }));
    });
}

export function listApps(config: Configuration): AppObject[] {
  return siteApplications(config).map((a) => appObject(a.siteName, a.app));
}

/** The site an APP or VDIR identifier starts with, or appcmd's 1168 for the whole identifier. */
export function identifiedSite(config: Configuration, type: 'APP' | 'VDIR', siteName: string, identifier: string): ConfigurationElement {
  const site = siteCollection(config).find({ name: siteName });
  if (site === undefined) throw objectNotFound(type, identifier);
  return site;
}

/**
 * `Site/app` → the site name and the application path. appcmd wants the exact form: a root
 * application ends in a slash (`Site/`), any other does not (`Site/app`); otherwise it fails with
 * "Must use exact identifer" (50) rather than guess.
 */
export function parseAppIdentifier(identifier: string, verb: string): { site: string; path: string } {
  const slash = identifier.indexOf('/');
  if (slash <= 0) {
    throw inexactIdentifier('APP', verb, `Applications are named "SITE/" (a site's root application) or "SITE/path": for example "${identifier}/".`);
  }
  const path = identifier.slice(slash);
  if (path.length > 1 && path.endsWith('/')) {
    throw inexactIdentifier('APP', verb, `Write "${identifier.replace(/\/+$/, '')}" for the application; "${identifier}" is the name of its root virtual directory (VDIR).`);
  }
  return { site: identifier.slice(0, slash), path };
}

export function findApp(config: Configuration, identifier: string, verb: string): AppObject {
  const { site: siteName, path } = parseAppIdentifier(identifier, verb);
  const site = identifiedSite(config, 'APP', siteName, identifier);
  const app = site.getCollection().find({ path });
  const canonicalSite = site.getAttribute('name').text;
  if (app === undefined) {
    const within = containingApplicationPath(site, path);
    if (within !== undefined) {
      throw inexactIdentifier('APP', verb, `"${path}" is not an application of site "${canonicalSite}"; it lies in application "${applicationName(canonicalSite, within)}". List them with: appcmd list app /site.name:"${canonicalSite}"`);
    }
    throw objectNotFound('APP', identifier, site.getCollection().items().map((a) => applicationName(canonicalSite, a.getAttribute('path').text)));
  }
  return appObject(canonicalSite, app);
}

export interface AppSpec {
  readonly siteName: string;
  readonly path: string;
  /** Creates the application's root virtual directory. */
  readonly physicalPath?: string;
  readonly changes?: readonly PropertyChange[];
}

/** `add app /site.name:S /path:/app1 [/physicalPath:…] [/applicationPool:…]`. */
export function addApp(config: Configuration, spec: AppSpec, options: AddOptions = {}): { changes: ObjectChange[]; notes: string[] } {
  const sites = siteCollection(config);
  const site = sites.find({ name: spec.siteName });
  if (site === undefined) throw objectNotFound('SITE', spec.siteName, sites.items().map((s) => s.getAttribute('name').text));
  const siteName = site.getAttribute('name').text;
  const apps = site.getCollection();
  const existing = apps.find({ path: spec.path });
  if (existing !== undefined) {
    const same = isIdenticalAfter(existing, spec.changes ?? []) && (spec.physicalPath === undefined || existing.getCollection().find({ path: '/' })?.getAttribute('physicalPath').text === spec.physicalPath);
    if (options.idempotent === true && same) return { changes: [{ type: 'APP', name: applicationName(siteName, existing.getAttribute('path').text), action: 'unchanged' }], notes: [] };
    throw duplicateObject(spec.path);
  }
  const { item: app, notes } = apps.add({ path: spec.path });
  const path = app.getAttribute('path').text;
  const all = [...notes];
  const changes: ObjectChange[] = [{ type: 'APP', name: applicationName(siteName, path), action: 'added' }];
  for (const c of spec.changes ?? []) all.push(...applyPropertyChange(app, c));
  if (spec.physicalPath !== undefined) {
    all.push(...app.getCollection().add({ path: '/', physicalPath: spec.physicalPath }).notes);
    changes.push({ type: 'VDIR', name: virtualDirectoryName(siteName, path, '/'), action: 'added' });
  }
  return { changes, notes: all };
}

export function deleteApp(app: AppObject): ObjectChange {
  removeItem(app.element);
  return { type: 'APP', name: app.name, action: 'deleted' };
}
