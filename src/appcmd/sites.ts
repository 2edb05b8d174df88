import { SITES_SECTION } from '../config/apphost-sections.js';
import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import type { ConfigurationElementCollection } from '../config/collection.js';
import { OFFLINE_STATE, type AppObject, type ObjectProperty } from './app-object.js';
import { applyPropertyChange, type PropertyChange } from './apply-switch.js';
import type { BindingSpec } from '../config/views/bindings.js';
import { formatBindings, sameBindingSet, siteBindings } from './bindings.js';
import { isIdenticalAfter } from './identical.js';
import { removeItem } from './owner.js';
import { rootVirtualDirectory } from './site-tree.js';
import { duplicateObject } from './object-errors.js';
import type { ObjectChange } from './object-change.js';
import { namedObjects } from './named-objects.js';
import { siteFieldsFromRows, type SiteFields } from './site-rows.js';

const SITES = namedObjects('SITE', SITES_SECTION, siteObject);
export const siteCollection = SITES.collection;
export const findSite = SITES.find;

/**
 * Every site, in file order. The element model is the reference; read from the parsed rows where
 * they hold a site's name, id and bindings (siteFieldsFromRows), which is the same list for less.
 */
export function listSites(config: Configuration, from: 'rows-if-possible' | 'model' = 'rows-if-possible'): AppObject[] {
  if (from === 'model') return SITES.list(config);
  const section = config.getSection(SITES_SECTION);
  const fields = siteFieldsFromRows(section);
  if (fields === undefined) return SITES.list(config);
  let items: readonly ConfigurationElement[] | undefined;
  const item = (i: number): ConfigurationElement => {
    const site = (items ??= section.getCollection().items())[i];
    if (site === undefined) throw new Error(`site ${i} of the rows is not in the model`);
    return site;
  };
  return fields.map((f, i) => (f === undefined ? siteObject(item(i)) : new SiteObject(f, () => item(i))));
}

/** A <site> as appcmd's SITE object. */
function siteObject(site: ConfigurationElement): AppObject {
  const fields = { name: site.getAttribute('name').text, id: site.getAttribute('id').text, bindings: siteBindings(site) };
  return new SiteObject(fields, () => site);
}

/**
 * The SITE object of these values. Its lists are made when read and its element, and the view
 * that reads serverAutoStart from it, when first asked for: a plain `list site` reads the summary
 * once per site and never the element, and at 10,000 sites the objects kept until the output is
 * written were most of the command's garbage-collection work.
 */
class SiteObject implements AppObject {
  readonly type = 'SITE';
  readonly bindingsText: string;
  #element: ConfigurationElement | undefined;

  readonly name: string;
  readonly id: string;
  readonly bindings: readonly BindingSpec[];

  constructor(
    fields: SiteFields,
    private readonly siteElement: () => ConfigurationElement,
  ) {
    ({ name: this.name, id: this.id, bindings: this.bindings } = fields);
    this.bindingsText = formatBindings(fields.bindings);
  }

  get properties(): readonly ObjectProperty[] {
    return [['SITE.NAME', this.name], ['SITE.ID', this.id], ['bindings', this.bindingsText], ['state', OFFLINE_STATE]];
  }

  get summary(): readonly ObjectProperty[] {
    return [['id', this.id], ['bindings', this.bindingsText], ['state', OFFLINE_STATE]];
  }

  get element(): ConfigurationElement {
    return (this.#element ??= this.siteElement());
  }

  knownAttribute(name: string): string | undefined {
    const lower = name.toLowerCase();
    return lower === 'name' ? this.name : lower === 'id' ? this.id : undefined;
  }

  get view(): Readonly<Record<string, unknown>> {
    const serverAutoStart = this.element.getAttribute('serverAutoStart').text === 'true';
    return { name: this.name, id: Number(this.id), bindings: this.bindings, state: OFFLINE_STATE, serverAutoStart };
  }
}

/** What `add site` takes: appcmd's /name, /id, /bindings, /physicalPath, and any site attribute path. */
export interface SiteSpec {
  readonly name: string;
  /** Undefined: the lowest id no site uses. */
  readonly id?: string;
  readonly bindings?: readonly BindingSpec[];
  /** Creates the root application and its root virtual directory (appcmd's shortcut). */
  readonly physicalPath?: string;
  readonly changes?: readonly PropertyChange[];
}

export interface AddOptions {
  /** A site already there with the same values is "unchanged" instead of a duplicate (183). */
  readonly idempotent?: boolean;
}

/**
 * Adds a site (and, with a physical path, its root application and virtual directory), returning
 * the objects created in appcmd's order: SITE, APP, VDIR.
 */
export function addSite(config: Configuration, spec: SiteSpec, options: AddOptions = {}): { changes: ObjectChange[]; notes: string[] } {
  const sites = siteCollection(config);
  const existing = sites.find({ name: spec.name });
  if (existing !== undefined) {
    if (options.idempotent === true && sameSite(existing, spec)) return { changes: [{ type: 'SITE', name: existing.getAttribute('name').text, action: 'unchanged' }], notes: [] };
    throw duplicateObject(spec.name);
  }
  const id = spec.id ?? String(nextSiteId(sites));
  const clash = sites.find({ id });
  if (clash !== undefined) throw duplicateObject(spec.name, `Site id ${id} is already used by "${clash.getAttribute('name').text}"; leave out /id: to take the next free one.`);
  const { item: site, notes } = sites.add({ name: spec.name, id });
  const all = [...notes];
  const changes: ObjectChange[] = [{ type: 'SITE', name: spec.name, action: 'added' }];
  if (spec.physicalPath !== undefined) {
    const app = site.getCollection().add({ path: '/' }).item;
    all.push(...app.getCollection().add({ path: '/', physicalPath: spec.physicalPath }).notes);
    changes.push({ type: 'APP', name: `${spec.name}/`, action: 'added' }, { type: 'VDIR', name: `${spec.name}/`, action: 'added' });
  }
  const bindings = site.getChildElement('bindings').getCollection();
  for (const b of spec.bindings ?? []) all.push(...bindings.add({ protocol: b.protocol, bindingInformation: b.bindingInformation }).notes);
  for (const c of spec.changes ?? []) all.push(...applyPropertyChange(site, c));
  return { changes, notes: all };
}

function sameSite(site: ConfigurationElement, spec: SiteSpec): boolean {
  if (spec.id !== undefined && site.getAttribute('id').text !== String(Number(spec.id))) return false;
  if (spec.bindings !== undefined && !sameBindingSet(siteBindings(site), spec.bindings)) return false;
  if (spec.physicalPath !== undefined && rootVirtualDirectory(site)?.getAttribute('physicalPath').text !== spec.physicalPath) return false;
  return isIdenticalAfter(site, spec.changes ?? []);
}

/**
 * The lowest id no site uses. IIS reuses the id of a deleted site (KB 3202096 is about what such
 * a site inherits); one pass over the ids, so the cost grows with the number of sites, not its square.
 */
export function nextSiteId(sites: ConfigurationElementCollection): number {
  const used = new Set<number>();
  for (const site of sites.items()) used.add(Number(site.getAttribute('id').text));
  let id = 1;
  while (used.has(id)) id++;
  return id;
}

export function deleteSite(site: AppObject): ObjectChange {
  removeItem(site.element);
  return { type: 'SITE', name: site.name, action: 'deleted' };
}

/**
 * `start site` / `stop site` offline: the running state belongs to the server, so what can be
 * changed is whether the site starts with it: serverAutoStart, and ftpServer/@serverAutoStart
 * for a site with an FTP binding (the FTP service reads that one). Returns the attributes written.
 */
export function setSiteAutoStart(site: AppObject, start: boolean): string[] {
  const value = start ? 'true' : 'false';
  const written: string[] = [];
  if (site.element.setAttributeValue('serverAutoStart', value).changed) written.push('serverAutoStart');
  const ftp = site.element.schema.findElement('ftpServer') !== undefined && siteBindings(site.element).some((b) => b.protocol.toLowerCase() === 'ftp');
  if (ftp && site.element.getChildElement('ftpServer').setAttributeValue('serverAutoStart', value).changed) written.push('ftpServer.serverAutoStart');
  return written;
}
