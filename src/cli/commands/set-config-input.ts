import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import { locationPathOf } from '../../config/location.js';
import { mergeXml } from '../../appcmd/apply-xml.js';
import { applyPropertyChange } from '../../appcmd/apply-switch.js';
import { sectionTag } from '../render/config-object.js';
import { completeWrite } from './commit.js';
import type { CommandContext } from './context.js';
import { idempotence } from './extra-options.js';
import { readInputObjects } from './object-input.js';
import { openConfiguration } from './open.js';
import { appliedJson, appliedText } from './set-config.js';

/**
 * `appcmd set config /in` (or `-`): applies the CONFIG objects of `list config /xml` read from
 * standard input, each to its section at its path, then any parameters of the command line; one
 * write for everything. appcmd's own use: `appcmd set config -in < staticContentClear.xml`.
 */
export function setConfigFromInput(ctx: CommandContext): number {
  const opened = openConfiguration(ctx, 'touched');
  const lines: string[] = [];
  const notes: string[] = [];
  let json: Record<string, unknown> = {};
  const files = new Set<Configuration>();
  for (const input of readInputObjects(ctx, 'CONFIG')) {
    const sectionName = input.attribute('CONFIG.SECTION');
    if (sectionName === undefined) throw new AppcmdError('VALUE_INVALID', 'A <CONFIG> in the input has no CONFIG.SECTION attribute.');
    // The path of the command line wins over the one in the input (a section moved to another site);
    // /commit: decides the file as for any set config at a path.
    const location = locationPathOf(ctx.identifier ?? input.attribute('path'));
    const { configuration, section } = opened.manager.commitTarget(sectionName, location, ctx.options.commit);
    files.add(configuration);
    const tag = sectionTag(section.sectionPath);
    const body = input.element.children.find((c) => c.name === tag);
    if (input.element.children.length > 0 && body === undefined) {
      throw new AppcmdError('VALUE_INVALID', `The <CONFIG> of ${section.sectionPath} holds <${input.element.children[0]?.name ?? ''}>, not <${tag}>.`);
    }
    if (body !== undefined) notes.push(...mergeXml(section, body));
    for (const sw of ctx.properties) notes.push(...applyPropertyChange(section, sw, idempotence(ctx)));
    lines.push(appliedText(section.sectionPath, location, configuration.configPath));
    json = appliedJson(section.sectionPath, location, configuration.configPath);
  }
  if (lines.length === 0) throw new AppcmdError('BAD_ARGUMENT', 'The input holds no CONFIG object.');
  // Several objects may name several files; the summary is that of the one file they all went to.
  return completeWrite(ctx, opened, { lines, json, notes, ...(files.size === 1 ? { file: [...files][0] } : {}) });
}
