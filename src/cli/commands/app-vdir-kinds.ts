import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import type { AppObject } from '../../appcmd/app-object.js';
import type { PropertyChange } from '../../appcmd/apply-switch.js';
import { addApp, deleteApp, findApp, listApps, parseAppIdentifier } from '../../appcmd/apps.js';
import { importApp, importVdir } from '../../appcmd/import-objects.js';
import type { ObjectChange } from '../../appcmd/object-change.js';
import { missingParameter } from '../../appcmd/object-errors.js';
import { addVdir, deleteVdir, findVdir, listVdirs } from '../../appcmd/vdirs.js';
import type { AddOutcome, ObjectKind } from './object-kind.js';
import { namedValue } from './object-params.js';

/** What an APP or VDIR is added from: its parent's name, its path, and the rest of the command line. */
interface ChildSpec {
  readonly parent: string;
  readonly path: string;
  readonly physicalPath: string | undefined;
  readonly changes: readonly PropertyChange[];
}

/**
 * APP and VDIR are the same kind of object one level apart: each lives under a parent named by
 * a parameter (/site.name:, /app.name:) and is added with /path: and /physicalPath:.
 */
function childKind(k: {
  readonly type: 'APP' | 'VDIR';
  readonly parentSwitch: string;
  list(config: Configuration): AppObject[];
  find(config: Configuration, identifier: string, verb: string): AppObject;
  remove(object: AppObject): ObjectChange;
  addChild(config: Configuration, spec: ChildSpec, idempotent: boolean): AddOutcome;
  addFromInput: ObjectKind['addFromInput'];
  readonly examples: ObjectKind['examples'];
}): ObjectKind {
  return {
    type: k.type,
    idSwitch: `${k.type.toLowerCase()}.name`,
    addParams: [k.parentSwitch, 'path', 'physicalpath'],
    list: k.list,
    find: k.find,
    remove: k.remove,
    add(config, params, idempotent) {
      const parent = namedValue(params, k.parentSwitch);
      const path = namedValue(params, 'path');
      if (parent === undefined || parent === '') throw missingParameter(k.type, 'add', `/${k.parentSwitch}`, k.examples.add);
      // An empty /path: is given, and refused by the schema's validator with IIS's text.
      if (path === undefined) throw missingParameter(k.type, 'add', '/path', k.examples.add);
      return k.addChild(config, { parent, path, physicalPath: namedValue(params, 'physicalpath'), changes: params.changes }, idempotent);
    },
    addFromInput: k.addFromInput,
    examples: k.examples,
  };
}

/** appcmd's APP object: `add app /site.name:S /path:/app1 [/physicalPath:…]`, set, delete. */
export const APP_KIND: ObjectKind = childKind({
  type: 'APP',
  parentSwitch: 'site.name',
  list: listApps,
  find: findApp,
  remove: deleteApp,
  addChild: (config, s, idempotent) => addApp(config, { siteName: s.parent, path: s.path, physicalPath: s.physicalPath, changes: s.changes }, { idempotent }),
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
});

/** appcmd's VDIR object: `add vdir /app.name:"Site/app" /path:/images /physicalPath:…`, set, delete. */
export const VDIR_KIND: ObjectKind = childKind({
  type: 'VDIR',
  parentSwitch: 'app.name',
  list: listVdirs,
  find: findVdir,
  remove: deleteVdir,
  addChild: (config, s, idempotent) => addVdir(config, { appName: s.parent, path: s.path, physicalPath: s.physicalPath, changes: s.changes }, { idempotent }),
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
});
