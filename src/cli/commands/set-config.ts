import { AppcmdError } from '../../errors.js';
import { APPHOST_PATH } from '../../config/configuration.js';
import { resolveAttributeTarget } from '../../config/property-path.js';
import { parsePropertyPath } from '../../path/parse.js';
import { checkCommitPath, checkConfigPath } from '../config-path.js';
import type { Switch } from '../tokenizer.js';
import type { CommandContext } from './context.js';
import { openConfiguration } from './open.js';

/** `appcmd set config [path] -section:NAME /prop.path:value ... [/commit:apphost]` — all or nothing. */
export function setConfig(ctx: CommandContext): number {
  const configPath = checkConfigPath(ctx.identifier);
  checkCommitPath(ctx.options.commit);
  if (ctx.options.section === undefined || ctx.options.section === '') {
    throw new AppcmdError('BAD_ARGUMENT', 'set config needs the section to change: -section:NAME (for example -section:system.applicationHost/sites).');
  }
  if (ctx.properties.length === 0) {
    throw new AppcmdError('BAD_ARGUMENT', 'Nothing to set: give at least one /path.attribute:value parameter.', {
      hints: [`Run "appcmd set config -section:${ctx.options.section} /?" to list the attributes.`],
    });
  }
  // A write checks what it reaches; `list config` checks whole sections (see ValidationScope).
  const { manager, config } = openConfiguration(ctx, 'touched');
  const section = config.getSection(ctx.options.section);
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
  ctx.io.stdout(
    `Applied configuration changes to section "${section.sectionPath}" for "${configPath}" at configuration commit path "${APPHOST_PATH}"\n`,
  );
  return 0;
}

function applySwitch(section: Parameters<typeof resolveAttributeTarget>[0], sw: Switch): readonly string[] {
  if (sw.operator !== 'set') {
    throw new AppcmdError('UNSUPPORTED', `Adding and removing collection elements (${sw.operator === 'add' ? '/+' : '/-'}) is not supported by this version yet.`);
  }
  const path = parsePropertyPath(sw.name);
  if (sw.value === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `The parameter "${sw.raw}" has no value: write /${sw.name}:VALUE.`);
  }
  const target = resolveAttributeTarget(section, path);
  return target.element.setAttributeValue(target.attribute, sw.value).notes;
}
