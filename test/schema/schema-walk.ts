/**
 * Test helpers that walk a schema tree: every attribute with a readable path, and a one-line
 * signature of every node, so that two schema sets can be compared as sets of lines.
 */
import type { AttributeSchema, CollectionSchema, ElementSchema, SchemaSet } from '../../src/schema/types.js';

export interface AttributeAt {
  /** e.g. "system.applicationHost/sites/[site]/ftpServer/security/ssl@ssl128". */
  readonly path: string;
  readonly attr: AttributeSchema;
}

/** Every attribute under `element`; a collection item appears as "[addElement]". */
export function attributesOf(element: ElementSchema, path: string): AttributeAt[] {
  const out: AttributeAt[] = element.attributes.map((attr) => ({ path: `${path}@${attr.name}`, attr }));
  for (const child of element.elements) out.push(...attributesOf(child, `${path}/${child.name}`));
  if (element.collection !== undefined) out.push(...attributesOf(element.collection.item, itemPath(path, element.collection)));
  return out;
}

export function itemPath(path: string, collection: CollectionSchema): string {
  return `${path}/[${collection.addElementNames.join(',')}]`;
}

export function attributeSignature(attr: AttributeSchema): string {
  const values = attr.values.map((v) => `${v.name}=${v.value}`).join(',');
  return [
    `type=${attr.type}`,
    `default=${attr.defaultValue === undefined ? '(none)' : JSON.stringify(attr.defaultValue)}`,
    `required=${attr.required}`,
    `uniqueKey=${attr.isUniqueKey}`,
    `combinedKey=${attr.isCombinedKey}`,
    `caseSensitive=${attr.caseSensitive}`,
    `encrypted=${attr.encrypted}`,
    `expanded=${attr.expanded}`,
    `allowInfinite=${attr.allowInfinite}`,
    `timeSpanFormat=${attr.timeSpanFormat}`,
    `validation=${attr.validationType ?? ''}(${attr.validationParameter ?? ''})`,
    `values={${values}}`,
  ].join(' ');
}

/** One line per attribute, element and collection of a section, keyed by path. */
export function signatureLines(element: ElementSchema, path: string): Map<string, string> {
  const lines = new Map<string, string>();
  const visit = (el: ElementSchema, at: string): void => {
    lines.set(
      at,
      `element isCollectionDefault=${el.isCollectionDefault} allowUnrecognized=${el.allowUnrecognizedAttributes} ` +
        `attributes=${el.attributes.map((a) => a.name).join(',')} elements=${el.elements.map((e) => e.name).sort().join(',')}`,
    );
    for (const attr of el.attributes) lines.set(`${at}@${attr.name}`, attributeSignature(attr));
    for (const child of el.elements) visit(child, `${at}/${child.name}`);
    const c = el.collection;
    if (c !== undefined) {
      lines.set(
        `${at}/collection`,
        `collection add=${c.addElementNames.join(',')} remove=${c.removeElementName ?? ''} clear=${c.clearElementName ?? ''} ` +
          `default=${c.defaultElementName ?? ''} mergeAppend=${c.mergeAppend} allowDuplicates=${c.allowDuplicates} ` +
          `allowUnrecognized=${c.allowUnrecognizedAttributes} key=${c.keyAttributes.map((a) => a.name).join(',')} combined=${c.combinedKey}`,
      );
      visit(c.item, itemPath(at, c));
    }
  };
  visit(element, path);
  return lines;
}

/** The attribute at `path` (as attributesOf names it) in another schema set. */
export function findAttributeAt(set: SchemaSet, sectionPath: string, path: string): AttributeSchema | undefined {
  const section = set.getSection(sectionPath);
  if (section === undefined) return undefined;
  return attributesOf(section, section.path).find((a) => a.path === path)?.attr;
}
