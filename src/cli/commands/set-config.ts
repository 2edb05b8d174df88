import { AppcmdError } from '../../errors.js';
import { APPHOST_PATH, configPathOf, locationPathOf } from '../../config/location.js';
import type { ConfigurationElement } from '../../config/element.js';
import { elementNotFound, findMatching, resolveAttributeTarget, resolveCollectionTarget } from '../../config/property-path.js';
import { parsePropertyPath } from '../../path/parse.js';
import { checkCommitPath } from '../config-path.js';
import type { Switch } from '../tokenizer.js';
import type { CommandContext } from './context.js';
import { openConfiguration } from './open.js';

/**
 * `appcmd set config [path] -section:NAME /prop.path:value /+[keys] /-[keys] ... [/commit:apphost]`
 * — every parameter is applied, then the file is written once; any failure writes nothing.
 */
export function setConfig(ctx: CommandContext): number {
  const location = locationPathOf(ctx.identifier);
  checkCommitPath(ctx.options.commit, location);
  const sectionName = requireSection(ctx, 'set');
  if (ctx.properties.length === 0) {
    throw new AppcmdError('BAD_ARGUMENT', 'Nothing to set: give at least one /path.attribute:value parameter.', {
      hints: [`Run "appcmd set config -section:${sectionName} /?" to list the attributes.`],
    });
  }
  const { manager, config } = openConfiguration(ctx, 'touched');
  const section = config.getSection(sectionName, location);
  const notes: string[] = [];
  for (const sw of ctx.properties) {
    try {
      notes.push(...applySwitch(section, sw));
    } catch (e) {
      if (e instanceof AppcmdError) throw e.withContext({ hints: [`in parameter: ${sw.raw}`] });
      throw e;
    }
  }
  for (const note of [...config.notes, ...notes]) ctx.io.stderr(`${note}\n`);
  manager.commitChanges({ dryRun: ctx.options.dryRun });
  ctx.io.stdout(appliedText(section.sectionPath, location));
  return 0;
}

export function requireSection(ctx: CommandContext, verb: string): string {
  const section = ctx.options.section;
  if (section === undefined || section === '') {
    throw new AppcmdError('BAD_ARGUMENT', `${verb} config needs the section: -section:NAME (for example -section:system.applicationHost/sites).`);
  }
  return section;
}

/** appcmd's success line for set and clear config. */
export function appliedText(sectionPath: string, location: string): string {
  return `Applied configuration changes to section "${sectionPath}" for "${configPathOf(location)}" at configuration commit path "${APPHOST_PATH}"\n`;
}

function applySwitch(section: ConfigurationElement, sw: Switch): readonly string[] {
  const path = parsePropertyPath(sw.name);
  if (sw.operator === 'add' || sw.operator === 'remove') {
    if (sw.value !== undefined) {
      throw new AppcmdError('BAD_ARGUMENT', `"${sw.raw}" has a value; /+[...] and /-[...] take the item's attributes inside the brackets.`);
    }
    const target = resolveCollectionTarget(section, path);
    if (sw.operator === 'add') return target.collection.add(target.keys, { position: target.position }).notes;
    const item = findMatching(target);
    if (item === undefined) throw elementNotFound(sw.raw);
    target.collection.remove(item);
    return [];
  }
  if (sw.value === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `The parameter "${sw.raw}" has no value: write /${sw.name}:VALUE.`);
  }
  const target = resolveAttributeTarget(section, path);
  return target.element.setAttributeValue(target.attribute, sw.value).notes;
}
