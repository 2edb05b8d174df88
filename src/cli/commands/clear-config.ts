import { AppcmdError } from '../../errors.js';
import { locationPathOf } from '../../config/location.js';
import type { ConfigurationElement } from '../../config/element.js';
import { ifPresent } from '../../config/if-exists.js';
import { elementNotFound, findMatching, resolveCollectionTarget, resolveElement } from '../../config/property-path.js';
import { parsePropertyPath } from '../../path/parse.js';
import type { CommandContext } from './context.js';
import { completeWrite } from './commit.js';
import { idempotentRemove } from './extra-options.js';
import { openConfiguration } from './open.js';
import { appliedJson, appliedText, requireSection } from './set-config.js';

/**
 * `appcmd clear config [path] -section:NAME [/element.path | /attr.path | /coll.[keys]]`: without a
 * parameter the whole section is cleared at that level; a parameter clears one element (its
 * collection included), one attribute (back to its inherited or default value) or one item.
 * With --if-exists, an item that is not there (or one on the way to the element) changes nothing.
 */
export function clearConfig(ctx: CommandContext): number {
  const location = locationPathOf(ctx.identifier);
  const sectionName = requireSection(ctx, 'clear');
  const opened = openConfiguration(ctx, 'touched');
  const { configuration, section } = opened.manager.commitTarget(sectionName, location, ctx.options.commit);
  if (ctx.properties.length === 0) clearElement(section);
  for (const sw of ctx.properties) {
    try {
      ifPresent(idempotentRemove(ctx), () => clearOne(section, sw.name, sw.raw));
    } catch (e) {
      if (e instanceof AppcmdError) throw e.withContext({ hints: [`in parameter: ${sw.raw}`] });
      throw e;
    }
  }
  const commitPath = configuration.configPath;
  return completeWrite(ctx, opened, { lines: [appliedText(section.sectionPath, location, commitPath)], json: appliedJson(section.sectionPath, location, commitPath), file: configuration });
}

function clearOne(section: ConfigurationElement, name: string, raw: string): void {
  const path = parsePropertyPath(name);
  const last = path.segments[path.segments.length - 1];
  if (last?.kind === 'indexer') {
    const target = resolveCollectionTarget(section, path);
    const item = findMatching(target);
    if (item === undefined) throw elementNotFound(raw);
    target.collection.remove(item);
    return;
  }
  const owner = resolveElement(section, path, path.segments.slice(0, -1));
  const leaf = last?.name ?? '';
  if (owner.schema.findAttribute(leaf) !== undefined || (owner.schema.allowUnrecognizedAttributes && owner.schema.findElement(leaf) === undefined)) {
    owner.deleteAttribute(leaf);
    return;
  }
  clearElement(resolveElement(section, path, path.segments));
}

/**
 * An element at this level goes. If its collection inherits items from a parent level, the element
 * stays where it is, emptied, with a <clear/> that drops them.
 */
function clearElement(element: ConfigurationElement): void {
  const inherited = element.inherited;
  if (!element.hasCollection || inherited === undefined || !inherited.hasCollection || inherited.getCollection().count === 0) {
    element.delete();
    return;
  }
  for (const a of element.explicitAttributes) element.deleteAttribute(a.name);
  for (const child of element.childElements) child.delete();
  element.getCollection().clear();
}
