/**
 * The loader's working form of a schema: mutable, with the place each part was declared, and with
 * "not declared" kept apart from "declared with the default value" so that two declarations of
 * one section can be merged and their conflicts reported. model.ts freezes it into the
 * SchemaSet interface.
 */
import type { AttributeSchema } from './types.js';

export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface DraftAttribute {
  readonly schema: AttributeSchema;
  readonly origin: Origin;
}

export interface DraftElement {
  readonly name: string;
  readonly origin: Origin;
  readonly attributes: DraftAttribute[];
  readonly elements: DraftElement[];
  collection: DraftCollection | undefined;
  isCollectionDefault: boolean | undefined;
  allowUnrecognizedAttributes: boolean | undefined;
}

/**
 * One <collection> declaration's add tags and item schema. An element may declare several
 * collections (ASP.NET's system.web/profile/properties has <add> and <group>); IIS reads them as
 * one list whose items have the schema of their own tag.
 */
export interface DraftItem {
  readonly origin: Origin;
  /** Its add tags; several comma-separated ones share the item schema (allow,deny). */
  readonly addElementNames: readonly string[];
  /** The item's attributes, elements and nested collection; its name is the first add tag. */
  readonly element: DraftElement;
}

export interface DraftCollection {
  readonly origin: Origin;
  removeElementName: string | undefined;
  clearElementName: string | undefined;
  defaultElementName: string | undefined;
  mergeAppend: boolean | undefined;
  allowDuplicates: boolean | undefined;
  allowUnrecognizedAttributes: boolean | undefined;
  /** In declaration order; the first is the collection's main item (the one add() writes). */
  readonly items: DraftItem[];
}

export interface DraftSection {
  readonly path: string;
  readonly root: DraftElement;
}

export function emptyElement(name: string, origin: Origin): DraftElement {
  return {
    name,
    origin,
    attributes: [],
    elements: [],
    collection: undefined,
    isCollectionDefault: undefined,
    allowUnrecognizedAttributes: undefined,
  };
}
