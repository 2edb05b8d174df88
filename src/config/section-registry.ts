import type { XmlElement } from '../xml/types.js';

/** A `<section>` declared in `<configSections>`, with its full path (groups joined by '/'). */
export interface SectionDeclaration {
  readonly path: string;
  readonly allowDefinition: string;
  readonly overrideModeDefault: 'Allow' | 'Deny';
  readonly allowLocation: boolean;
  readonly element: XmlElement;
}

/** Reads `<configSections>`: the sections this file registers, keyed by lower-case path. */
export function readSectionDeclarations(root: XmlElement): Map<string, SectionDeclaration> {
  const out = new Map<string, SectionDeclaration>();
  const configSections = root.children.find((c) => c.name === 'configSections');
  if (configSections === undefined) return out;
  const walk = (el: XmlElement, prefix: string): void => {
    for (const child of el.children) {
      const name = child.attribute('name')?.value;
      if (name === undefined) continue;
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (child.name === 'sectionGroup') walk(child, path);
      else if (child.name === 'section') {
        out.set(path.toLowerCase(), {
          path,
          allowDefinition: child.attribute('allowDefinition')?.value ?? 'Everywhere',
          overrideModeDefault: child.attribute('overrideModeDefault')?.value === 'Deny' ? 'Deny' : 'Allow',
          allowLocation: child.attribute('allowLocation')?.value !== 'false',
          element: child,
        });
      }
    }
  };
  walk(configSections, '');
  return out;
}
