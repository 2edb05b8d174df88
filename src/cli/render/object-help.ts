import type { SchemaSet } from '../../schema/types.js';
import type { AppcmdObject } from '../objects.js';
import { settablePaths } from './schema-paths.js';

/** Whether the object has an `appcmd OBJECT /?` page: its verbs have usage lines. */
export function hasHelpPage(o: AppcmdObject): boolean {
  return Object.values(o.verbs).some((v) => v.help !== undefined);
}

/** `appcmd site /?`: the verbs of one object. */
export function objectHelp(o: AppcmdObject): string {
  // A column as wide as the longest verb (uninstall) and at least appcmd's eight.
  const width = Math.max(8, ...Object.keys(o.verbs).map((v) => v.length + 1));
  const verbs = Object.entries(o.verbs).flatMap(([verb, { help: h }]) => (h === undefined ? [] : [`  ${verb.padEnd(width)}${h.text}\n      ${h.usage}`]));
  return `${o.name.toUpperCase()}: ${o.summary}\n\nSupported verbs:\n\n${verbs.join('\n')}\n${o.note === undefined ? '' : `\n${o.note}\n`}`;
}

/**
 * `appcmd set site /?`: the verb's usage and, for add and set, every attribute path of the
 * object's element, from the schema in use.
 */
export function verbHelp(verb: string, o: AppcmdObject, schema: SchemaSet): string | undefined {
  const h = Object.hasOwn(o.verbs, verb) ? o.verbs[verb]?.help : undefined;
  if (h === undefined) return undefined;
  const element = verb === 'add' || verb === 'set' ? o.element?.(schema) : undefined;
  const paths = element === undefined ? '' : `\nAttributes of <${element.name}> (parameters of ${verb} ${o.name}):\n\n${settablePaths(element).join('\n')}\n`;
  return `${h.usage}\n\n${h.text}\n${paths}`;
}

/** `appcmd set config -section:NAME /?`: every settable path of the section. */
export function sectionHelp(sectionPath: string, schema: SchemaSet): string {
  const section = schema.getSection(sectionPath);
  if (section === undefined) return `No schema describes section "${sectionPath}".\n`;
  return `Settable attributes of ${section.path} (appcmd set config -section:${section.path} /PATH:VALUE):\n\n${settablePaths(section).join('\n')}\n`;
}

/** `appcmd batch /?`. */
export function batchHelp(): string {
  return `appcmd batch [FILE|-] [/apphostconfig:PATH] [--dry-run] [--json]

Runs appcmd command lines, one a line (# starts a comment; a leading "appcmd" or "appcmd.exe" is
allowed), in this process against one parse of the file, and writes the file once at the end.
All or nothing: the first failing line stops the batch, is named in the error, and nothing is
written. Lines may use config, site, app, vdir and apppool commands; --dry-run prints the diff of
the whole batch. Without FILE (or with -), the lines are read from standard input.
`;
}
