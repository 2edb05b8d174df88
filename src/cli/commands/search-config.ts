import { configPathOf, locationPathOf } from '../../config/location.js';
import type { CommandContext } from './context.js';
import { openConfiguration } from './open.js';

/**
 * `appcmd search config [path] [-section:NAME] [/attr.path[:value]]`: the configuration paths
 * that set a section, an attribute, or an attribute to a value, one `CONFIGSEARCH "path"` line each,
 * in applicationHost.config and in the sites' web.config files (found through /physicalroot:).
 */
export function searchConfigCommand(ctx: CommandContext): number {
  const { config, manager } = openConfiguration(ctx);
  const section = ctx.options.section === undefined ? undefined : config.resolveSectionPath(ctx.options.section);
  const sw = ctx.properties[0];
  const attribute = sw === undefined ? undefined : { path: sw.name.split('.'), value: sw.value };
  const hits = manager.search({ path: locationPathOf(ctx.identifier), section, attribute });
  const paths = [...new Set(hits.map((h) => configPathOf(h.locationPath)))];
  if (ctx.options.json) {
    // Beyond appcmd's text: the sections set at each path, so a script can copy each one (docs/web-config.md).
    const sections = (path: string): string[] => [...new Set(hits.filter((h) => configPathOf(h.locationPath) === path).map((h) => h.section))];
    ctx.io.stdout(JSON.stringify(paths.map((path) => ({ object: 'CONFIGSEARCH', path, sections: sections(path) })), null, 2) + '\n');
    return 0;
  }
  if (paths.length > 0) ctx.io.stdout(paths.map((p) => `CONFIGSEARCH "${p}"`).join('\n') + '\n');
  return 0;
}
