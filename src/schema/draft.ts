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

export interface DraftCollection {
  readonly origin: Origin;
  addElementNames: readonly string[];
  removeElementName: string | undefined;
  clearElementName: string | undefined;
  defaultElementName: string | undefined;
  mergeAppend: boolean | undefined;
  allowDuplicates: boolean | undefined;
  allowUnrecognizedAttributes: boolean | undefined;
  /** The item's attributes, elements and nested collection; its name is the first add tag. */
  readonly item: DraftElement;
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
