import type { XmlElement } from '../xml/types.js';

/** A `<section>` declared in `<configSections>`, with its full path (groups joined by '/'). */
export interface SectionDeclaration {
  readonly path: string;
  readonly allowDefinition: string;
  readonly overrideModeDefault: 'Allow' | 'Deny';
  readonly allowLocation: boolean;
  readonly element: XmlElement;
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

/** Reads `<configSections>`: the sections and groups this file registers. */
export function readSectionDeclarations(root: XmlElement): SectionRegistry {
  const out = new Map<string, SectionDeclaration>();
  const duplicates: SectionDeclaration[] = [];
  const groups = new Set<string>();
  const configSections = root.children.find((c) => c.name === 'configSections');
  if (configSections === undefined) return { declarations: out, duplicates, groups, present: false };
  const walk = (el: XmlElement, prefix: string): void => {
    for (const child of el.children) {
      const name = child.attribute('name')?.value;
      if (name === undefined) continue;
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (child.name === 'sectionGroup') {
        if (prefix === '') groups.add(name.toLowerCase());
        walk(child, path);
      } else if (child.name === 'section') {
        const declaration: SectionDeclaration = {
          path,
          allowDefinition: child.attribute('allowDefinition')?.value ?? 'Everywhere',
          overrideModeDefault: child.attribute('overrideModeDefault')?.value === 'Deny' ? 'Deny' : 'Allow',
          allowLocation: child.attribute('allowLocation')?.value !== 'false',
          element: child,
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
