import { AppcmdError } from '../../errors.js';
import { addApp, deleteApp, findApp, listApps, parseAppIdentifier } from '../../config/objects/apps.js';
import { importApp } from '../../config/objects/import-objects.js';
import { missingParameter } from '../../config/objects/object-errors.js';
import type { ObjectKind } from './object-kind.js';
import { namedValue } from './object-params.js';

/** appcmd's APP object: `add app /site.name:S /path:/app1 [/physicalPath:…]`, set, delete. */
export const APP_KIND: ObjectKind = {
  type: 'APP',
  idSwitch: 'app.name',
  addParams: ['site.name', 'path', 'physicalpath'],
  list: listApps,
  find: findApp,
  remove: deleteApp,
  add(config, params, idempotent) {
    const siteName = namedValue(params, 'site.name');
    const path = namedValue(params, 'path');
    if (siteName === undefined || siteName === '') throw missingParameter('APP', 'add', '/site.name', APP_KIND.examples.add);
    // An empty /path: is given, and refused by the schema's validator with IIS's text.
    if (path === undefined) throw missingParameter('APP', 'add', '/path', APP_KIND.examples.add);
    return addApp(config, { siteName, path, physicalPath: namedValue(params, 'physicalpath'), changes: params.changes }, { idempotent });
  },
  addFromInput(config, input, extra, idempotent) {
    const name = input.attribute('APP.NAME');
    if (name === undefined) throw new AppcmdError('VALUE_INVALID', 'An <APP> in the input has no APP.NAME attribute.');
    const { site, path } = parseAppIdentifier(name, 'ADD');
    if (input.config !== undefined) return importApp(config, input.attribute('SITE.NAME') ?? site, input.config, extra, { idempotent });
    return addApp(config, { siteName: site, path, changes: extra }, { idempotent });
  },
  examples: {
    add: 'appcmd add app /site.name:"Default Web Site" /path:/app1 /physicalPath:C:\\inetpub\\app1',
    set: 'appcmd set app "Default Web Site/app1" /applicationPool:MyAppPool',
  },
};
