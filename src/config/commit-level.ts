import { AppcmdError } from '../errors.js';
import type { ConfigHierarchy } from './hierarchy.js';
import { APPHOST_PATH, configPathOf, locationPathOf } from './location.js';

/**
 * The file a change at `target` (a location path) is written to, as appcmd's /commit: decides it,
 * given as that file's location path ("" is applicationHost.config):
 *
 * - omitted or `url`: the level being edited, so the web.config of the path itself below the server;
 * - `site`: the site root's web.config; `app`: that of the application holding the path;
 * - `parent`: the level above the path;
 * - `apphost` or `MACHINE/WEBROOT/APPHOST`: applicationHost.config (a `<location path>` in it);
 * - a configuration path (`MACHINE/WEBROOT/APPHOST/Site/app`, `Site/app`): that level's file,
 *   which must be the path itself or above it.
 *
 * A web.config then holds the change at `<location path>` relative to its own folder when the
 * path is below it. `webroot` and `machine` (root web.config, machine.config) are not edited.
 */
export function commitLevel(hierarchy: ConfigHierarchy, commit: string | undefined, target: string): string {
  const spec = commit?.trim().replace(/\/+$/, '') ?? '';
  const word = spec.toLowerCase();
  if (word === 'apphost' || spec.toUpperCase() === APPHOST_PATH) return '';
  if (word === 'webroot' || word === 'machine' || /^MACHINE(\/WEBROOT)?$/i.test(spec)) {
    throw new AppcmdError('UNSUPPORTED', `Cannot commit to "${commit ?? ''}": that is ${word === 'machine' || /^MACHINE$/i.test(spec) ? 'machine.config' : 'the root web.config'}, and this tool edits applicationHost.config and the sites' web.config files only.`, {
      hints: ['Use /commit:apphost, or a level of the site (site, app, or a configuration path).'],
    });
  }
  if (target === '') {
    if (spec === '' || word === 'url') return '';
    throw new AppcmdError('BAD_ARGUMENT', `Cannot commit to "${commit ?? ''}" a change at ${APPHOST_PATH}: the server level is applicationHost.config.`, {
      hints: ['Leave out /commit, or give /commit:apphost.'],
    });
  }
  if (spec === '' || word === 'url') return target;
  if (word === 'parent') return target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : '';
  const levels = hierarchy.levels(target);
  if (word === 'site') return target.split('/')[0] ?? '';
  if (word === 'app') {
    const app = [...levels].reverse().find((l) => l.kind === 'application' || l.kind === 'site');
    return app?.configPath ?? (target.split('/')[0] ?? '');
  }
  const path = locationPathOf(spec);
  if (path === '') return '';
  const lower = target.toLowerCase();
  const p = path.toLowerCase();
  if (lower !== p && !lower.startsWith(`${p}/`)) {
    throw new AppcmdError('BAD_ARGUMENT', `Cannot commit a change at "${configPathOf(target)}" to "${configPathOf(path)}": the commit path must be the edited path or a level above it.`, {
      hints: ['Give /commit:site, /commit:app, /commit:apphost or a configuration path above the edited one.'],
    });
  }
  // The level as the path names it: the site's own spelling comes from the edited path.
  return target.slice(0, path.length);
}
