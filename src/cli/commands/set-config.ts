import { AppcmdError } from '../../errors.js';
import { configPathOf, locationPathOf } from '../../config/location.js';
import { applyPropertyChange } from '../../appcmd/apply-switch.js';
import { CERTIFICATE_ATTRIBUTES, checkSslElementCertificate } from '../../audit/check-ssl-element.js';
import type { ConfigurationElement } from '../../config/element.js';
import { openCertFolder } from './cert-folder.js';
import { CommandSwitches } from './command-switches.js';
import { completeWrite } from './commit.js';
import type { CommandContext } from './context.js';
import { idempotence, readsInput } from './extra-options.js';
import { setConfigFromInput } from './set-config-input.js';
import { openConfiguration } from './open.js';

/**
 * `appcmd set config [path] -section:NAME /prop.path:value /+[keys] /-[keys] ... [/commit:apphost]`
 * — every parameter is applied, then the file is written once; any failure writes nothing.
 */
export function setConfig(ctx: CommandContext): number {
  if (readsInput(ctx)) return setConfigFromInput(ctx);
  const location = locationPathOf(ctx.identifier);
  const sectionName = requireSection(ctx, 'set');
  if (ctx.properties.length === 0) {
    throw new AppcmdError('BAD_ARGUMENT', 'Nothing to set: give at least one /path.attribute:value parameter.', {
      hints: [`Run "appcmd set config -section:${sectionName} /?" to list the attributes.`],
    });
  }
  const opened = openConfiguration(ctx, 'touched');
  const { configuration, section } = opened.manager.commitTarget(sectionName, location, ctx.options.commit);
  const idempotent = idempotence(ctx);
  const sslElements = new Set<ConfigurationElement>();
  const onSet = (element: ConfigurationElement, attribute: string): void => {
    if (CERTIFICATE_ATTRIBUTES.has(attribute.toLowerCase())) sslElements.add(element);
  };
  const notes = ctx.properties.flatMap((sw) => applyPropertyChange(section, sw, { ...idempotent, onSet }));
  notes.push(...checkCertificates(ctx, sslElements));
  const commitPath = configuration.configPath;
  return completeWrite(ctx, opened, { lines: [appliedText(section.sectionPath, location, commitPath)], json: appliedJson(section.sectionPath, location, commitPath), notes, file: configuration });
}

/**
 * With a certificate folder (/certstore: or APPCMD_CERTSTORE), every <ssl> whose serverCertHash or
 * serverCertStoreName this command set must name a usable certificate of the store in effect;
 * /force turns the refusal into warnings. Without a folder there is nothing to check against.
 */
function checkCertificates(ctx: CommandContext, sslElements: ReadonlySet<ConfigurationElement>): string[] {
  if (sslElements.size === 0) return [];
  const folder = openCertFolder(new CommandSwitches('set config', [], {}), ctx);
  if (folder === undefined) return [];
  const notes: string[] = [];
  for (const ssl of sslElements) {
    const result = checkSslElementCertificate(ssl, { store: folder, now: new Date(), force: ctx.options.force });
    notes.push(...(result?.warnings ?? []));
  }
  return notes;
}

export function requireSection(ctx: CommandContext, verb: string): string {
  const section = ctx.options.section;
  if (section === undefined || section === '') {
    throw new AppcmdError('BAD_ARGUMENT', `${verb} config needs the section: -section:NAME (for example -section:system.applicationHost/sites).`);
  }
  return section;
}

/** appcmd's success line for set and clear config; `commitPath` is the location path of the file written. */
export function appliedText(sectionPath: string, location: string, commitPath = ''): string {
  return `Applied configuration changes to section "${sectionPath}" for "${configPathOf(location)}" at configuration commit path "${configPathOf(commitPath)}"`;
}

/** The --json form of appliedText. */
export function appliedJson(sectionPath: string, location: string, commitPath = ''): Record<string, unknown> {
  return { object: 'CONFIG', section: sectionPath, path: configPathOf(location), commitPath: configPathOf(commitPath), message: appliedText(sectionPath, location, commitPath) };
}
