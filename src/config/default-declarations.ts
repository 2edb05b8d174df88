/**
 * The section declarations IIS itself ships (schema/declarations/): the <configSections> of a
 * fresh applicationHost.config, and the sections IIS keeps in its other files (administration.config,
 * redirection.config). A file's own declarations come first; these are read only when a command
 * meets a section the file does not declare, so a command on a complete file never reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSchemaDir } from '../schema/loader.js';
import { parseXml } from '../xml/reader.js';
import { readSectionDeclarations, type SectionDeclaration } from './section-registry.js';

let fresh: ReadonlyMap<string, SectionDeclaration> | undefined;
let elsewhere: ReadonlyMap<string, SectionDeclaration> | undefined;

function read(name: string): ReadonlyMap<string, SectionDeclaration> {
  const path = join(bundledSchemaDir(), 'declarations', name);
  return readSectionDeclarations(parseXml(readFileSync(path, 'utf8'), { fileName: path })).declarations;
}

/** A fresh IIS 10.0 applicationHost.config's declaration of a section, by lower-case path. */
export function freshDeclaration(key: string): SectionDeclaration | undefined {
  fresh ??= read('applicationHost.xml');
  return fresh.get(key);
}

/** Whether IIS declares the section (lower-case path) in a file other than applicationHost.config. */
export function declaredElsewhere(key: string): boolean {
  elsewhere ??= read('otherFiles.xml');
  return elsewhere.has(key);
}
