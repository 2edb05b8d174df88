import { AppcmdError } from '../../errors.js';
import { parseBindings, replaceBindings } from '../../appcmd/bindings.js';
import { importSite } from '../../appcmd/import-objects.js';
import { missingParameter } from '../../appcmd/object-errors.js';
import { addSite, deleteSite, findSite, listSites, setSiteAutoStart } from '../../appcmd/sites.js';
import type { ObjectKind } from './object-kind.js';
import { namedValue } from './object-params.js';

/** appcmd's SITE object: `add site /name: /id: /bindings: /physicalPath:`, set, delete, start, stop. */
export const SITE_KIND: ObjectKind = {
  type: 'SITE',
  idSwitch: 'site.name',
  addParams: ['name', 'site.name', 'id', 'site.id', 'bindings', 'physicalpath'],
  list: listSites,
  find: (config, identifier) => findSite(config, identifier),
  remove: deleteSite,
  add(config, params, idempotent) {
    const name = namedValue(params, 'name', 'site.name');
    if (name === undefined || name === '') throw missingParameter('SITE', 'add', '/name', SITE_KIND.examples.add);
    const bindings = namedValue(params, 'bindings');
    return addSite(
      config,
      {
        name,
        id: namedValue(params, 'id', 'site.id'),
        bindings: bindings === undefined ? undefined : parseBindings(bindings),
        physicalPath: namedValue(params, 'physicalpath'),
        changes: params.changes,
      },
      { idempotent },
    );
  },
  addFromInput(config, input, extra, idempotent) {
    if (input.config !== undefined) return importSite(config, input.config, extra, { idempotent });
    const name = input.attribute('SITE.NAME');
    if (name === undefined) throw new AppcmdError('VALUE_INVALID', 'A <SITE> in the input has no SITE.NAME attribute.');
    const bindings = input.attribute('bindings');
    return addSite(config, { name, id: input.attribute('SITE.ID'), bindings: bindings === undefined ? undefined : parseBindings(bindings), changes: extra }, { idempotent });
  },
  setSpecial(site, change) {
    // appcmd's `set site /bindings:"http/*:80:,https/*:443:"` replaces the list; `bindings` is an element, not an attribute.
    if (change.operator !== 'set' || change.name.toLowerCase() !== 'bindings' || change.value === undefined) return false;
    replaceBindings(site.element, parseBindings(change.value));
    return true;
  },
  setAutoStart: setSiteAutoStart,
  examples: {
    add: 'appcmd add site /name:ftp.example.com /bindings:ftp/*:21: /physicalPath:D:\\ftproot',
    set: 'appcmd set site "ftp.example.com" /ftpServer.security.ssl.controlChannelPolicy:SslRequire',
  },
};
