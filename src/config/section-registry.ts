import type { ParsedDocument } from '../xml/document.js';
import { XmlCursor } from '../xml/cursor.js';

/** A `<section>` declared in `<configSections>`, with its full path (groups joined by '/'). */
export interface SectionDeclaration {
  readonly path: string;
  readonly allowDefinition: string;
  readonly overrideModeDefault: 'Allow' | 'Deny';
  readonly allowLocation: boolean;
  /** Offset of its <section> element, for the line of an error. */
  readonly start: number;
}

/** What a file's `<configSections>` registers. */
export interface SectionRegistry {
  /** The sections, keyed by lower-case path (the first declaration of a path). */
  readonly declarations: Map<string, SectionDeclaration>;
  /** Each further declaration of a path already declared: IIS refuses the file. */
  readonly duplicates: readonly SectionDeclaration[];
  /** The lower-case names of the top-level <sectionGroup>s (system.applicationHost, …). */
  readonly groups: ReadonlySet<string>;
  /** Whether the file has a <configSections> at all. */
  readonly present: boolean;
}

/**
 * Reads `<configSections>`: the sections and groups this file registers. Read from the parsed rows:
 * a real file declares over a hundred sections, and a node and attribute objects for each were
 * ~4 ms of every command, most of it cold code (bench/NOTES.md).
 */
export function readSectionDeclarations(xml: ParsedDocument): SectionRegistry {
  const out = new Map<string, SectionDeclaration>();
  const duplicates: SectionDeclaration[] = [];
  const groups = new Set<string>();
  const cur = XmlCursor.of(xml);
  const configSections = cur.childNamed(cur.row(xml.root), 'configSections');
  if (configSections === -1) return { declarations: out, duplicates, groups, present: false };
  const walk = (row: number, prefix: string): void => {
    for (let child = cur.firstChild(row); child !== -1; child = cur.nextSibling(child)) {
      const name = cur.find(child, 'name');
      if (name === undefined) continue;
      const path = prefix === '' ? name : `${prefix}/${name}`;
      const tag = cur.name(child);
      if (tag === 'sectionGroup') {
        if (prefix === '') groups.add(name.toLowerCase());
        walk(child, path);
      } else if (tag === 'section') {
        const declaration: SectionDeclaration = {
          path,
          allowDefinition: cur.find(child, 'allowDefinition') ?? 'Everywhere',
          overrideModeDefault: cur.find(child, 'overrideModeDefault') === 'Deny' ? 'Deny' : 'Allow',
          allowLocation: cur.find(child, 'allowLocation') !== 'false',
          start: cur.start(child),
        };
        if (out.has(path.toLowerCase())) duplicates.push(declaration);
        else out.set(path.toLowerCase(), declaration);
      }
    }
  };
  walk(configSections, '');
  return { declarations: out, duplicates, groups, present: true };
}

/**
 * Whether IIS would find `sectionPath` undeclared in this file: the file registers the section's
 * top-level group but not the section. A group the file does not register at all (system.web,
 * system.net) is declared by machine.config, which this tool does not read, so it is not judged;
 * nor is a file without <configSections> (a fragment, as tests and generators write).
 */
export function isUndeclared(registry: SectionRegistry, sectionPath: string): boolean {
  if (!registry.present || registry.declarations.has(sectionPath.toLowerCase())) return false;
  const slash = sectionPath.indexOf('/');
  return slash > 0 && registry.groups.has(sectionPath.slice(0, slash).toLowerCase());
}

/** IIS's texts. */
export function missingDeclarationText(sectionPath: string): string {
  return `The configuration section '${sectionPath}' cannot be read because it is missing a section declaration`;
}

export function duplicateDeclarationText(sectionPath: string): string {
  return `There is a duplicate '${sectionPath}' section defined`;
}
