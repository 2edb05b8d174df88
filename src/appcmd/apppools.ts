import { APPLICATION_POOLS_SECTION } from '../config/apphost-sections.js';
import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import { OFFLINE_STATE, type AppObject } from './app-object.js';
import { applyPropertyChange, type PropertyChange } from './apply-switch.js';
import { isIdenticalAfter } from './identical.js';
import { duplicateObject } from './object-errors.js';
import type { ObjectChange } from './object-change.js';
import { namedObjects } from './named-objects.js';
import { removeItem } from './owner.js';
import type { AddOptions } from './sites.js';

const POOLS = namedObjects('APPPOOL', APPLICATION_POOLS_SECTION, poolObject);
export const poolCollection = POOLS.collection;
export const listPools = POOLS.list;
export const findPool = POOLS.find;

/** An application pool (<add> of applicationPools) as appcmd's APPPOOL object. */
function poolObject(pool: ConfigurationElement): AppObject {
  const name = pool.getAttribute('name').text;
  const version = pool.getAttribute('managedRuntimeVersion').text;
  const mode = pool.getAttribute('managedPipelineMode').text;
  const autoStart = pool.getAttribute('autoStart').text === 'true';
  return {
    type: 'APPPOOL',
    name,
    properties: [
      ['APPPOOL.NAME', name],
      ['PipelineMode', mode],
      ['RuntimeVersion', version],
      ['state', OFFLINE_STATE],
    ],
    summary: [
      ['MgdVersion', version],
      ['MgdMode', mode],
      ['state', OFFLINE_STATE],
    ],
    element: pool,
    view: { name, managedRuntimeVersion: version, managedPipelineMode: mode, state: OFFLINE_STATE, autoStart },
  };
}

/** `add apppool /name:x [/attribute.path:value ...]`. */
export function addPool(config: Configuration, name: string, changes: readonly PropertyChange[], options: AddOptions = {}): { changes: ObjectChange[]; notes: string[] } {
  const pools = poolCollection(config);
  const existing = pools.find({ name });
  if (existing !== undefined) {
    if (options.idempotent === true && isIdenticalAfter(existing, changes)) return { changes: [{ type: 'APPPOOL', name: existing.getAttribute('name').text, action: 'unchanged' }], notes: [] };
    throw duplicateObject(name);
  }
  const { item, notes } = pools.add({ name });
  const all = [...notes];
  for (const c of changes) all.push(...applyPropertyChange(item, c));
  return { changes: [{ type: 'APPPOOL', name, action: 'added' }], notes: all };
}

export function deletePool(pool: AppObject): ObjectChange {
  removeItem(pool.element);
  return { type: 'APPPOOL', name: pool.name, action: 'deleted' };
}

/** `start apppool` / `stop apppool` offline: whether the pool starts with the server (autoStart). */
export function setPoolAutoStart(pool: AppObject, start: boolean): string[] {
  return pool.element.setAttributeValue('autoStart', start ? 'true' : 'false').changed ? ['autoStart'] : [];
}
