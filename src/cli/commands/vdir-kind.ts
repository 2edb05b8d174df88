import { AppcmdError } from '../../errors.js';
import { importVdir } from '../../config/objects/import-objects.js';
import { missingParameter } from '../../config/objects/object-errors.js';
import { addVdir, deleteVdir, findVdir, listVdirs } from '../../config/objects/vdirs.js';
import type { ObjectKind } from './object-kind.js';
import { namedValue } from './object-params.js';

/** appcmd's VDIR object: `add vdir /app.name:"Site/app" /path:/images /physicalPath:…`, set, delete. */
export const VDIR_KIND: ObjectKind = {
  type: 'VDIR',
  idSwitch: 'vdir.name',
  addParams: ['app.name', 'path', 'physicalpath'],
  list: listVdirs,
  find: findVdir,
  remove: deleteVdir,
  add(config, params, idempotent) {
    const appName = namedValue(params, 'app.name');
    const path = namedValue(params, 'path');
    if (appName === undefined || appName === '') throw missingParameter('VDIR', 'add', '/app.name', VDIR_KIND.examples.add);
    // An empty /path: is given, and refused by the schema's validator with IIS's text.
    if (path === undefined) throw missingParameter('VDIR', 'add', '/path', VDIR_KIND.examples.add);
    return addVdir(config, { appName, path, physicalPath: namedValue(params, 'physicalpath'), changes: params.changes }, { idempotent });
  },
  addFromInput(config, input, extra, idempotent) {
    const appName = input.attribute('APP.NAME');
    if (appName === undefined) throw new AppcmdError('VALUE_INVALID', 'A <VDIR> in the input has no APP.NAME attribute.');
    if (input.config !== undefined) return importVdir(config, appName, input.config, extra, { idempotent });
    const path = input.attribute('path') ?? '/';
    return addVdir(config, { appName, path, physicalPath: input.attribute('physicalPath'), changes: extra }, { idempotent });
  },
  examples: {
    add: 'appcmd add vdir /app.name:"Default Web Site/" /path:/images /physicalPath:C:\\images',
    set: 'appcmd set vdir "Default Web Site/" /physicalPath:C:\\inetpub\\wwwroot',
  },
};
