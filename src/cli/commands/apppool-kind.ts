import { AppcmdError } from '../../errors.js';
import { addPool, deletePool, findPool, listPools, setPoolAutoStart } from '../../appcmd/apppools.js';
import { importPool } from '../../appcmd/import-objects.js';
import { missingParameter } from '../../appcmd/object-errors.js';
import type { ObjectKind } from './object-kind.js';
import { namedValue } from './object-params.js';

/** appcmd's APPPOOL object: `add apppool /name:x [/attribute:value ...]`, set, delete, start, stop. */
export const APPPOOL_KIND: ObjectKind = {
  type: 'APPPOOL',
  idSwitch: 'apppool.name',
  addParams: ['name', 'apppool.name'],
  list: listPools,
  find: (config, identifier) => findPool(config, identifier),
  remove: deletePool,
  add(config, params, idempotent) {
    const name = namedValue(params, 'name', 'apppool.name');
    if (name === undefined || name === '') throw missingParameter('APPPOOL', 'add', '/name', APPPOOL_KIND.examples.add);
    return addPool(config, name, params.changes, { idempotent });
  },
  addFromInput(config, input, extra, idempotent) {
    if (input.config !== undefined) return importPool(config, input.config, extra, { idempotent });
    const name = input.attribute('APPPOOL.NAME');
    if (name === undefined) throw new AppcmdError('VALUE_INVALID', 'An <APPPOOL> in the input has no APPPOOL.NAME attribute.');
    return addPool(config, name, extra, { idempotent });
  },
  setAutoStart: setPoolAutoStart,
  examples: {
    add: 'appcmd add apppool /name:MyAppPool /managedRuntimeVersion:v4.0 /processModel.identityType:NetworkService',
    set: 'appcmd set apppool "MyAppPool" /managedPipelineMode:Classic',
  },
};
