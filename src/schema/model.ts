/**
 * The frozen schema model: draft.ts's merged declarations turned into the read-only interfaces of
 * types.ts, with the schema language's defaults applied (mergeAppend true, everything else false)
 * and name lookups indexed once.
 */
import type { DraftCollection, DraftElement, DraftSection } from './draft.js';
import type { AttributeSchema, CollectionSchema, ElementSchema, ItemKey, SchemaSet, SectionSchema } from './types.js';

/**
 * An element's model is built as it is first looked at: a command reads a handful of a section's
 * elements, and building the whole of the sites section (hundreds of elements, four name indexes
 * each) was ~6.6 ms of every command that touches it, most of it cold code (bench/NOTES.md).
 * What is built once is kept, so every lookup returns the same objects.
 */
class ElementModel implements ElementSchema {
  readonly name: string;
  readonly isCollectionDefault: boolean;
  readonly allowUnrecognizedAttributes: boolean;
  readonly #draft: DraftElement;
  #attributeList: readonly AttributeSchema[] | undefined;
  #elementList: readonly ElementSchema[] | undefined;
  #collection: { readonly model: CollectionSchema | undefined } | undefined;
  #attributes: Map<string, AttributeSchema> | undefined;
  #attributesLower: Map<string, AttributeSchema> | undefined;
  #elements: Map<string, ElementSchema> | undefined;
  #elementsLower: Map<string, ElementSchema> | undefined;

  constructor(draft: DraftElement, name: string = draft.name) {
    this.name = name;
    this.#draft = draft;
    this.isCollectionDefault = draft.isCollectionDefault ?? false;
    this.allowUnrecognizedAttributes = draft.allowUnrecognizedAttributes ?? false;
  }

  get attributes(): readonly AttributeSchema[] {
    return (this.#attributeList ??= Object.freeze(this.#draft.attributes.map((a) => a.schema)));
  }

  get elements(): readonly ElementSchema[] {
    return (this.#elementList ??= Object.freeze(this.#draft.elements.map((e) => new ElementModel(e))));
  }

  get collection(): CollectionSchema | undefined {
    const draft = this.#draft.collection;
    this.#collection ??= { model: draft === undefined ? undefined : new CollectionModel(draft) };
    return this.#collection.model;
  }

  getAttribute(name: string): AttributeSchema | undefined {
    return (this.#attributes ??= indexBy(this.attributes, (a) => a.name)).get(name);
  }

  findAttribute(name: string): AttributeSchema | undefined {
    return this.getAttribute(name) ?? (this.#attributesLower ??= indexBy(this.attributes, (a) => a.name.toLowerCase())).get(name.toLowerCase());
  }

  getElement(name: string): ElementSchema | undefined {
    return (this.#elements ??= indexBy(this.elements, (e) => e.name)).get(name);
  }

  findElement(name: string): ElementSchema | undefined {
    return this.getElement(name) ?? (this.#elementsLower ??= indexBy(this.elements, (e) => e.name.toLowerCase())).get(name.toLowerCase());
  }
}

class SectionModel extends ElementModel implements SectionSchema {
  readonly path: string;

  constructor(section: DraftSection) {
    super(section.root);
    this.path = section.path;
  }
}

class CollectionModel implements CollectionSchema {
  readonly addElementNames: readonly string[];
  readonly removeElementName: string | undefined;
  readonly clearElementName: string | undefined;
  readonly defaultElementName: string | undefined;
  readonly mergeAppend: boolean;
  readonly allowDuplicates: boolean;
  readonly allowUnrecognizedAttributes: boolean;
  readonly item: ElementSchema;
  readonly keyAttributes: readonly AttributeSchema[];
  readonly combinedKey: boolean;
  readonly #byTag: Map<string, ElementSchema>;
  readonly #keys = new Map<ElementSchema, ItemKey>();

  constructor(draft: DraftCollection) {
    this.#byTag = new Map();
    const schemas = draft.items.map((item) => new ElementModel(item.element, item.addElementNames[0] ?? item.element.name));
    draft.items.forEach((item, i) => {
      for (const tag of item.addElementNames) if (!this.#byTag.has(tag)) this.#byTag.set(tag, schemas[i]!);
    });
    this.addElementNames = Object.freeze([...this.#byTag.keys()]);
    this.removeElementName = draft.removeElementName;
    this.clearElementName = draft.clearElementName;
    this.defaultElementName = draft.defaultElementName;
    this.mergeAppend = draft.mergeAppend ?? true;
    this.allowDuplicates = draft.allowDuplicates ?? false;
    this.allowUnrecognizedAttributes = draft.allowUnrecognizedAttributes ?? false;
    // readCollection makes every collection with one item; a merge only adds more.
    this.item = schemas[0]!;
    for (const schema of schemas) this.#keys.set(schema, keyOf(schema));
    const main = this.#keys.get(this.item)!;
    this.combinedKey = main.combined;
    this.keyAttributes = main.attributes;
  }

  itemSchema(tag: string): ElementSchema {
    return this.#byTag.get(tag) ?? this.item;
  }

  itemKey(tag: string): ItemKey {
    return this.#keys.get(this.itemSchema(tag))!;
  }
}

function keyOf(item: ElementSchema): ItemKey {
  const unique = item.attributes.filter((a) => a.isUniqueKey);
  const combined = item.attributes.filter((a) => a.isCombinedKey);
  return Object.freeze({ attributes: Object.freeze(unique.length > 0 ? unique : combined), combined: unique.length === 0 && combined.length > 0 });
}

class SchemaSetModel implements SchemaSet {
  readonly sectionPaths: readonly string[];
  readonly sources: readonly string[];
  readonly #built = new Map<string, SectionSchema | undefined>();
  readonly #build: (key: string) => DraftSection | undefined;
  #all: readonly SectionSchema[] | undefined;

  constructor(paths: readonly string[], build: (key: string) => DraftSection | undefined, sources: readonly string[]) {
    this.sectionPaths = Object.freeze([...paths]);
    this.#build = build;
    this.sources = Object.freeze([...sources]);
  }

  get sections(): readonly SectionSchema[] {
    this.#all ??= Object.freeze(
      this.sectionPaths.map((p) => this.getSection(p)).filter((s): s is SectionSchema => s !== undefined),
    );
    return this.#all;
  }

  getSection(path: string): SectionSchema | undefined {
    const key = path.toLowerCase();
    if (!this.#built.has(key)) {
      const draft = this.#build(key);
      this.#built.set(key, draft === undefined ? undefined : new SectionModel(draft));
    }
    return this.#built.get(key);
  }
}

/** First declaration wins on a case-only clash, so exact lookups stay exact. */
function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, item);
  }
  return map;
}

/** The schema set over sections that are built (and frozen) on first use. */
export function freezeSchema(
  paths: readonly string[],
  build: (key: string) => DraftSection | undefined,
  sources: readonly string[],
): SchemaSet {
  return new SchemaSetModel(paths, build, sources);
}
