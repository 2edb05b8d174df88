import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import type { ConfigurationElementCollection } from '../config/collection.js';
import type { XmlElement } from '../xml/types.js';
import type { ObjectType } from './app-object.js';
import { findApp } from './apps.js';
import { applyPropertyChange, type PropertyChange } from './apply-switch.js';
import { isIdenticalAfter } from './identical.js';
import { holdsImported, importItem } from './import-element.js';
import { duplicateObject, objectNotFound } from './object-errors.js';
import type { ObjectChange } from './object-change.js';
import { poolCollection } from './apppools.js';
import { applicationName, virtualDirectoryName } from './site-tree.js';
import { nextSiteId, siteCollection, type AddOptions } from './sites.js';

/**
 * Adding objects from their raw configuration (`appcmd list site /xml /config | appcmd add site
 * /in`): the element is copied whole (applications, bindings, FTP settings...), then the
 * command line's own parameters are applied to it.
 */
export interface ImportResult {
  readonly changes: ObjectChange[];
  readonly notes: string[];
}

/** A <site>; its id is kept, or the next free one is taken when the element has none. */
export function importSite(config: Configuration, xml: XmlElement, extra: readonly PropertyChange[], options: AddOptions = {}): ImportResult {
  const sites = siteCollection(config);
  const name = xml.attribute('name')?.value ?? '';
  const id = xml.attribute('id')?.value;
  const existing = sites.find({ name });
  if (existing === undefined && id !== undefined) {
    const clash = sites.find({ id });
    if (clash !== undefined) throw duplicateObject(name, `Site id ${id} is already used by "${clash.getAttribute('name').text}" in this file.`);
  }
  return importInto(sites, existing, xml, extra, options, 'SITE', () => name, id === undefined ? { id: String(nextSiteId(sites)) } : {});
}

/** An <application> into the site named `siteName`. */
export function importApp(config: Configuration, siteName: string, xml: XmlElement, extra: readonly PropertyChange[], options: AddOptions = {}): ImportResult {
  const sites = siteCollection(config);
  const site = sites.find({ name: siteName });
  if (site === undefined) throw objectNotFound('SITE', siteName, sites.items().map((s) => s.getAttribute('name').text));
  const canonical = site.getAttribute('name').text;
  const apps = site.getCollection();
  const path = xml.attribute('path')?.value ?? '';
  return importInto(apps, apps.find({ path }), xml, extra, options, 'APP', (item) => applicationName(canonical, item.getAttribute('path').text));
}

/** A <virtualDirectory> into the application named `appName` (`Site/app`). */
export function importVdir(config: Configuration, appName: string, xml: XmlElement, extra: readonly PropertyChange[], options: AddOptions = {}): ImportResult {
  const app = findApp(config, appName, 'ADD');
  const site = String(app.view['site']);
  const appPath = String(app.view['path']);
  const vdirs = app.element.getCollection();
  const path = xml.attribute('path')?.value ?? '';
  return importInto(vdirs, vdirs.find({ path }), xml, extra, options, 'VDIR', (item) => virtualDirectoryName(site, appPath, item.getAttribute('path').text));
}

/** An application pool's <add>. */
export function importPool(config: Configuration, xml: XmlElement, extra: readonly PropertyChange[], options: AddOptions = {}): ImportResult {
  const pools = poolCollection(config);
  const name = xml.attribute('name')?.value ?? '';
  return importInto(pools, pools.find({ name }), xml, extra, options, 'APPPOOL', (item) => item.getAttribute('name').text);
}

function importInto(
  collection: ConfigurationElementCollection,
  existing: ConfigurationElement | undefined,
  xml: XmlElement,
  extra: readonly PropertyChange[],
  options: AddOptions,
  type: ObjectType,
  nameOf: (item: ConfigurationElement) => string,
  extraAttributes: Readonly<Record<string, string>> = {},
): ImportResult {
  if (existing !== undefined) {
    if (options.idempotent === true && holdsImported(existing, xml) && isIdenticalAfter(existing, extra)) return { changes: [{ type, name: nameOf(existing), action: 'unchanged' }], notes: [] };
    throw duplicateObject(nameOf(existing));
  }
  const { item, notes } = importItem(collection, xml, extraAttributes);
  for (const c of extra) notes.push(...applyPropertyChange(item, c));
  return { changes: [{ type, name: nameOf(item), action: 'added' }], notes };
}
