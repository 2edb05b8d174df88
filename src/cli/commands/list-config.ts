import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import type { ConfigurationElement } from '../../config/element.js';
import type { XmlElement } from '../../xml/types.js';
import { locationPathOf } from '../../config/location.js';
import { sectionState } from '../../appcmd/config-object.js';
import { configObjectsJson, configObjectsXml, type ConfigObject } from '../render/config-object.js';
import { renderRawSection, renderSection, type AttributeMode } from '../render/config-text.js';
import { LineOutput } from '../line-output.js';
import type { CommandContext } from './context.js';
import { openConfiguration, type OpenedConfiguration } from './open.js';

/** `appcmd list config [path] [-section:NAME] [/config:*]` */
export function listConfig(ctx: CommandContext): number {
  const location = locationPathOf(ctx.identifier);
  if (ctx.properties.length > 0) {
    const p = ctx.properties[0];
    throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${p?.raw ?? ''}" for list config.`, {
      hints: ['list config takes -section:NAME and /config:* (see appcmd list config /?).'],
    });
  }
  const opened = openConfiguration(ctx);
  const config = opened.config;
  const mode: AttributeMode = ctx.options.config === '*' ? 'effective' : 'explicit';
  const section = ctx.options.section;
  if (section === '?') {
    listSectionNames(ctx, config);
    return 0;
  }
  const paths = section !== undefined ? [config.resolveSectionPath(section)] : sectionsInFile(config);
  if (ctx.options.xml || ctx.options.json) {
    const objects = configObjects(ctx, opened, paths, location, section !== undefined);
    for (const note of config.notes) ctx.io.stderr(`${note}\n`);
    const secrets = ctx.options.showSecrets ? 'shown' : 'masked';
    ctx.io.stdout(ctx.options.json ? configObjectsJson(objects, mode, secrets) : configObjectsXml(objects, mode, secrets));
    return 0;
  }
  // Every section is read (and so validated) before the first line is written: a broken
  // section later in the file fails the command with nothing printed, as before streaming.
  const sections: SectionToRender[] = [];
  for (const path of paths) {
    try {
      sections.push(sectionToRender(ctx, opened, path, location));
    } catch (e) {
      // Listing every section at a path skips those that only exist at server level (sites…).
      if (section !== undefined || !(e instanceof AppcmdError) || e.code !== 'LOCKED') throw e;
    }
  }
  const out = new LineOutput((text) => ctx.io.stdout(text));
  const secrets = ctx.options.showSecrets ? 'shown' : 'masked';
  for (const s of sections) {
    if (s.kind === 'schema') renderSection(s.path, s.section, mode, secrets, out.line);
    else if (s.node !== undefined) renderRawSection(s.path, s.node, secrets, out.line);
  }
  out.flush();
  for (const note of config.notes) ctx.io.stderr(`${note}\n`);
  return 0;
}

/** The sections as CONFIG objects (/xml, --json); sections no schema describes are named on stderr and left out. */
function configObjects(ctx: CommandContext, opened: OpenedConfiguration, paths: readonly string[], location: string, named: boolean): ConfigObject[] {
  const config = opened.config;
  const out: ConfigObject[] = [];
  for (const path of paths) {
    if (config.schema.getSection(path) === undefined) {
      ctx.io.stderr(`Note: no schema describes section "${path}"; it is left out of this output.\n`);
      continue;
    }
    try {
      out.push({ sectionPath: path, location, state: sectionState(config, path, location), section: opened.manager.getEffectiveSection(path, location) });
    } catch (e) {
      if (named || !(e instanceof AppcmdError) || e.code !== 'LOCKED') throw e;
    }
  }
  return out;
}

type SectionToRender = { kind: 'schema'; path: string; section: ConfigurationElement } | { kind: 'raw'; path: string; node: XmlElement | undefined };

function sectionToRender(ctx: CommandContext, opened: OpenedConfiguration, path: string, location: string): SectionToRender {
  const config = opened.config;
  // Below the server level the section is read through every web.config on the way (docs/web-config.md).
  if (config.schema.getSection(path) !== undefined) return { kind: 'schema', path, section: opened.manager.getEffectiveSection(path, location) };
  ctx.io.stderr(`Note: no schema describes section "${path}"; it is shown as stored, unvalidated.\n`);
  return { kind: 'raw', path, node: findSectionNode(config.document.xml.root, path) };
}

/** Section paths present at server level, in file order: groups are walked down to declared sections. */
function sectionsInFile(config: Configuration): string[] {
  const out: string[] = [];
  const declared = new Set([...config.declarations.keys()]);
  const schemaPaths = new Set(config.schema.sectionPaths.map((p) => p.toLowerCase()));
  // No section path is deeper than the deepest known one: the walk stops there, so a hostile
  // file's 200,000 nested undeclared elements cost nothing (and an explicit stack keeps file order).
  const maxDepth = Math.max(0, ...[...declared, ...schemaPaths].map((p) => p.split('/').length));
  const stack: { el: XmlElement; prefix: string; depth: number }[] = [{ el: config.document.xml.root, prefix: '', depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { el, prefix, depth } = top;
    if (depth >= maxDepth) continue;
    const next: { el: XmlElement; prefix: string; depth: number }[] = [];
    for (const child of el.children) {
      if (prefix === '' && (child.name === 'configSections' || child.name === 'location')) continue;
      const path = prefix === '' ? child.name : `${prefix}/${child.name}`;
      const key = path.toLowerCase();
      if (declared.has(key) || schemaPaths.has(key)) out.push(config.declarations.get(key)?.path ?? config.schema.getSection(path)?.path ?? path);
      else next.push({ el: child, prefix: path, depth: depth + 1 });
    }
    for (let i = next.length - 1; i >= 0; i--) {
      const n = next[i];
      if (n !== undefined) stack.push(n);
    }
  }
  return out;
}

function findSectionNode(root: XmlElement, path: string): XmlElement | undefined {
  let cur: XmlElement | undefined = root;
  for (const n of path.split('/')) cur = cur?.children.find((c) => c.name === n);
  return cur;
}

function listSectionNames(ctx: CommandContext, config: Configuration): void {
  const sections = config
    .knownSectionPaths()
    .sort((a, b) => a.localeCompare(b))
    .map((p) => ({ section: p, schema: config.schema.getSection(p) !== undefined, declared: config.declarations.has(p.toLowerCase()) }));
  if (ctx.options.json) {
    ctx.io.stdout(JSON.stringify(sections, null, 2) + '\n');
    return;
  }
  const lines = sections.map(({ section, schema, declared }) => {
    const notes = [schema ? '' : 'no schema', declared ? '' : 'not declared in this file'].filter((n) => n !== '');
    return notes.length === 0 ? section : `${section} (${notes.join(', ')})`;
  });
  ctx.io.stdout(lines.join('\n') + '\n');
}
