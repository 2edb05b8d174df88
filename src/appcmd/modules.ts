import { AppcmdError } from '../errors.js';
import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElementCollection } from '../config/collection.js';
import type { ConfigurationElement } from '../config/element.js';
import type { AppObject } from './app-object.js';
import type { ObjectChange } from './object-change.js';
import { duplicateObject, objectNotFound } from './object-errors.js';
import { hasEffectiveValue } from './same-value.js';

// appcmd's MODULE object: a module enabled in system.webServer/modules at a path; a native one is
// also installed on the server (system.webServer/globalModules), which holds its image.

const GLOBAL_MODULES = 'system.webServer/globalModules';
const MODULES = 'system.webServer/modules';

/** What `install module` takes. */
export interface ModuleInstall {
  readonly name: string;
  readonly image: string;
  readonly preCondition?: string;
  /** Also enable it at the server level (system.webServer/modules); appcmd's default. */
  readonly add: boolean;
  /** appcmd's /lock:true: lockItem="true" on the server-level entry, so no lower file removes it. */
  readonly lock?: boolean;
}

/** What `add module` takes: a managed module (with its type) or a native one already installed. */
export interface ModuleAdd {
  readonly name: string;
  readonly type?: string;
  readonly preCondition?: string;
}

/** What `set module` changes on an enabled module. */
export interface ModuleSet {
  readonly type?: string;
  readonly preCondition?: string;
}

export interface ModuleOptions {
  /** --if-not-exists / --if-exists: the same module already there, or one already gone, is "unchanged". */
  readonly idempotent?: boolean;
}

const installed = (config: Configuration): ConfigurationElementCollection => config.getSection(GLOBAL_MODULES).getCollection();
const enabled = (config: Configuration, location: string): ConfigurationElementCollection => config.getSection(MODULES, location).getCollection();

/** The modules enabled at a location ('' = the server), as appcmd lists them. */
export function listModules(config: Configuration, location: string): AppObject[] {
  const globals = installed(config);
  return enabled(config, location)
    .items()
    .map((item) => moduleObject(item, globals));
}

/** The module enabled at a location under `name` (case-insensitive), or appcmd's 1168. */
export function findModule(config: Configuration, location: string, name: string): AppObject {
  const modules = enabled(config, location);
  const item = modules.find({ name });
  if (item === undefined) throw objectNotFound('MODULE', name, modules.items().map((i) => i.getAttribute('name').text));
  return moduleObject(item, installed(config));
}

/**
 * A module without a type is native: its image is the installed module's of that name. appcmd's
 * one-line form shows `native:true, image:…` for it and `type:…, preCondition:…` for a managed one.
 */
function moduleObject(item: ConfigurationElement, globals: ConfigurationElementCollection): AppObject {
  const name = item.getAttribute('name').text;
  const type = item.getAttribute('type').text;
  const preCondition = item.getAttribute('preCondition').text;
  const image = type === '' ? (globals.find({ name })?.getAttribute('image').text ?? '') : '';
  const summary: Array<readonly [string, string]> = type === '' ? [['native', 'true'], ['image', image]] : [['type', type], ['preCondition', preCondition]];
  return {
    type: 'MODULE',
    name,
    properties: [['MODULE.NAME', name], ...summary],
    summary,
    element: item,
    view: type === '' ? { name, native: true, image, preCondition } : { name, native: false, type, preCondition },
  };
}

/**
 * `install module`: the native module goes into globalModules and, unless /add:false, is enabled
 * at the server level (name and preCondition, as the server's own entries are written).
 */
export function installModule(config: Configuration, module: ModuleInstall, options: ModuleOptions = {}): { changes: ObjectChange[]; notes: string[] } {
  const globals = installed(config);
  const existing = globals.find({ name: module.name });
  const given = { name: module.name, image: module.image, ...(module.preCondition === undefined ? {} : { preCondition: module.preCondition }) };
  if (existing !== undefined && !(options.idempotent === true && Object.entries(given).every(([k, v]) => hasEffectiveValue(existing, k, v)))) throw duplicateObject(module.name);
  const notes: string[] = [];
  let changed = false;
  if (existing === undefined) {
    notes.push(...globals.add(given).notes);
    changed = true;
  }
  if (module.add) {
    const modules = enabled(config, '');
    const entry = { name: module.name, ...(module.preCondition === undefined ? {} : { preCondition: module.preCondition }), ...(module.lock === true ? { lockItem: 'true' } : {}) };
    const added = modules.add(entry, { idempotent: options.idempotent === true });
    notes.push(...added.notes);
    changed ||= added.added;
  }
  return { changes: [{ type: 'MODULE', name: existing?.getAttribute('name').text ?? module.name, action: changed ? 'added' : 'unchanged' }], notes };
}

/** `uninstall module`: out of globalModules, and its server-level entry in modules with it. */
export function uninstallModule(config: Configuration, name: string, options: ModuleOptions = {}): ObjectChange {
  return removeModule(installed(config), name, options, (exact) => enabled(config, '').remove({ name: exact }, { ifExists: true }));
}

/**
 * `add module` at a location: a managed module needs its type; one without a type is a native
 * module, which IIS loads only when it is installed on the server.
 */
export function addModule(config: Configuration, location: string, module: ModuleAdd, options: ModuleOptions = {}): { changes: ObjectChange[]; notes: string[] } {
  if (module.type === undefined && installed(config).find({ name: module.name }) === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `The module "${module.name}" has no /type: and is not installed as a native module.`, {
      hints: [`A managed module: add module /name:${module.name} /type:Namespace.TypeName; a native one: install module /name:${module.name} /image:PATH first.`],
    });
  }
  const entry: Record<string, string> = { name: module.name };
  if (module.type !== undefined) entry['type'] = module.type;
  if (module.preCondition !== undefined) entry['preCondition'] = module.preCondition;
  const r = enabled(config, location).add(entry, { idempotent: options.idempotent === true });
  return { changes: [{ type: 'MODULE', name: r.item.getAttribute('name').text, action: r.added ? 'added' : 'unchanged' }], notes: [...r.notes] };
}

/**
 * `set module` at a location: the type and preCondition of the module enabled there. Its entry
 * must be written at that location: an entry inherited from a parent level is that level's, and
 * changing it would change every path below the parent. Absent: 1168, or with --if-exists
 * "unchanged" (ModuleOptions.idempotent).
 */
export function setModule(config: Configuration, location: string, name: string, changes: ModuleSet, options: ModuleOptions = {}): { change: ObjectChange; notes: string[] } {
  const modules = enabled(config, location);
  const item = modules.find({ name });
  if (item === undefined) {
    if (options.idempotent === true) return { change: { type: 'MODULE', name, action: 'unchanged' }, notes: [] };
    throw objectNotFound('MODULE', name, modules.items().map((i) => i.getAttribute('name').text));
  }
  const exact = item.getAttribute('name').text;
  if (!modules.isLocal(item)) {
    throw new AppcmdError('UNSUPPORTED', `The module "${exact}" is inherited from a parent level here; nothing was written.`, {
      hints: [`Set it where it is enabled (without /app.name: for the server), or delete it here and add it with the new values: appcmd delete module ${exact} /app.name:..., then appcmd add module /name:${exact} ... /app.name:...`],
    });
  }
  const notes: string[] = [];
  let changed = false;
  for (const [attribute, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const r = item.setAttributeValue(attribute, value);
    notes.push(...r.notes);
    changed ||= r.changed;
  }
  return { change: { type: 'MODULE', name: exact, action: changed ? 'changed' : 'unchanged' }, notes };
}

/** `delete module` at a location: an entry written there goes; an inherited one gets a <remove>, as IIS writes it. */
export function deleteModule(config: Configuration, location: string, name: string, options: ModuleOptions = {}): ObjectChange {
  return removeModule(enabled(config, location), name, options, () => undefined);
}

/** Removes the module `name` from a collection (then `also` with its exact name); absent: 1168, or "unchanged" when idempotent. */
function removeModule(items: ConfigurationElementCollection, name: string, options: ModuleOptions, also: (exact: string) => unknown): ObjectChange {
  const item = items.find({ name });
  if (item === undefined) {
    if (options.idempotent === true) return { type: 'MODULE', name, action: 'unchanged' };
    throw objectNotFound('MODULE', name, items.items().map((i) => i.getAttribute('name').text));
  }
  const exact = item.getAttribute('name').text;
  items.remove(item);
  also(exact);
  return { type: 'MODULE', name: exact, action: 'deleted' };
}
