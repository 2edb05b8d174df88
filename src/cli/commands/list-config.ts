import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import type { XmlElement } from '../../xml/types.js';
import { locationPathOf } from '../../config/location.js';
import { renderRawSection, renderSection, type AttributeMode } from '../render/config-text.js';
import type { CommandContext } from './context.js';
import { openConfiguration } from './open.js';

/** `appcmd list config [path] [-section:NAME] [/config:*]` */
export function listConfig(ctx: CommandContext): number {
  const location = locationPathOf(ctx.identifier);
  if (ctx.properties.length > 0) {
    const p = ctx.properties[0];
    throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${p?.raw ?? ''}" for list config.`, {
      hints: ['list config takes -section:NAME and /config:* (see appcmd list config /?).'],
    });
  }
  const { config } = openConfiguration(ctx);
  const mode: AttributeMode = ctx.options.config === '*' ? 'effective' : 'explicit';
  const section = ctx.options.section;
  if (section === '?') {
    listSectionNames(ctx, config);
    return 0;
  }
  const paths = section !== undefined ? [config.resolveSectionPath(section)] : sectionsInFile(config);
  const out: string[] = [];
  for (const path of paths) {
    try {
      out.push(...renderOne(ctx, config, path, mode, location));
    } catch (e) {
      // Listing every section at a path skips those that only exist at server level (sites…).
      if (section !== undefined || !(e instanceof AppcmdError) || e.code !== 'LOCKED') throw e;
    }
  }
  for (const note of config.notes) ctx.io.stderr(`${note}\n`);
  if (out.length > 0) ctx.io.stdout(out.join('\n') + '\n');
  return 0;
}

function renderOne(ctx: CommandContext, config: Configuration, path: string, mode: AttributeMode, location: string): string[] {
  if (config.schema.getSection(path) !== undefined) return renderSection(path, config.getSection(path, location), mode);
  const node = findSectionNode(config.document.xml.root, path);
  ctx.io.stderr(`Note: no schema describes section "${path}"; it is shown as stored, unvalidated.\n`);
  return node === undefined ? [] : renderRawSection(path, node);
}

/** Section paths present at server level, in file order: groups are walked down to declared sections. */
function sectionsInFile(config: Configuration): string[] {
  const out: string[] = [];
  const declared = new Set([...config.declarations.keys()]);
  const schemaPaths = new Set(config.schema.sectionPaths.map((p) => p.toLowerCase()));
  const walk = (el: XmlElement, prefix: string): void => {
    for (const child of el.children) {
      if (prefix === '' && (child.name === 'configSections' || child.name === 'location')) continue;
      const path = prefix === '' ? child.name : `${prefix}/${child.name}`;
      const key = path.toLowerCase();
      if (declared.has(key) || schemaPaths.has(key)) out.push(config.declarations.get(key)?.path ?? config.schema.getSection(path)?.path ?? path);
      else walk(child, path);
    }
  };
  walk(config.document.xml.root, '');
  return out;
}

function findSectionNode(root: XmlElement, path: string): XmlElement | undefined {
  let cur: XmlElement | undefined = root;
  for (const n of path.split('/')) cur = cur?.children.find((c) => c.name === n);
  return cur;
}

function listSectionNames(ctx: CommandContext, config: Configuration): void {
  const lines = config
    .knownSectionPaths()
    .sort((a, b) => a.localeCompare(b))
    .map((p) => {
      const hasSchema = config.schema.getSection(p) !== undefined;
      const declared = config.declarations.has(p.toLowerCase());
      const notes = [hasSchema ? '' : 'no schema', declared ? '' : 'not declared in this file'].filter((n) => n !== '');
      return notes.length === 0 ? p : `${p} (${notes.join(', ')})`;
    });
  ctx.io.stdout(lines.join('\n') + '\n');
}
