/**
 * The typed model of IIS <configSchema> files. It mirrors the schema language (sectionSchema,
 * element, collection, attribute) one to one; nothing here is specific to one section.
 */
export type AttributeType = 'bool' | 'enum' | 'flags' | 'uint' | 'int' | 'int64' | 'string' | 'timeSpan';

export interface EnumValue {
  readonly name: string;
  readonly value: number;
}

export interface AttributeSchema {
  readonly name: string;
  readonly type: AttributeType;
  /** The schema's defaultValue text, undefined when the schema gives none. */
  readonly defaultValue: string | undefined;
  readonly required: boolean;
  readonly isUniqueKey: boolean;
  readonly isCombinedKey: boolean;
  readonly caseSensitive: boolean;
  readonly encrypted: boolean;
  readonly expanded: boolean;
  readonly allowInfinite: boolean;
  readonly timeSpanFormat: 'string' | 'seconds' | 'minutes';
  readonly validationType: string | undefined;
  readonly validationParameter: string | undefined;
  /** Enum or flag names and values, in schema order (empty for other types). */
  readonly values: readonly EnumValue[];
}

export interface ElementSchema {
  /** The XML element name (for a collection item: the addElement name). */
  readonly name: string;
  readonly attributes: readonly AttributeSchema[];
  readonly elements: readonly ElementSchema[];
  readonly collection: CollectionSchema | undefined;
  readonly isCollectionDefault: boolean;
  readonly allowUnrecognizedAttributes: boolean;
  /** Exact, case-sensitive lookup (as the config file is read). */
  getAttribute(name: string): AttributeSchema | undefined;
  /** Case-insensitive lookup (as appcmd matches command-line names). */
  findAttribute(name: string): AttributeSchema | undefined;
  getElement(name: string): ElementSchema | undefined;
  findElement(name: string): ElementSchema | undefined;
}

export interface CollectionSchema {
  /** Tags that add items; usually one ("add", "site", "binding"...), several in a few ASP.NET schemas. */
  readonly addElementNames: readonly string[];
  readonly removeElementName: string | undefined;
  readonly clearElementName: string | undefined;
  /** Name of the sibling element whose values are defaults for every item (e.g. siteDefaults). */
  readonly defaultElementName: string | undefined;
  readonly mergeAppend: boolean;
  readonly allowDuplicates: boolean;
  readonly allowUnrecognizedAttributes: boolean;
  /** The schema of an item of the first add tag: its attributes, child elements and nested collection. */
  readonly item: ElementSchema;
  /**
   * The schema of an item written with `tag`: an element may declare several <collection>s, each
   * with its own add tag and item (ASP.NET's profile properties: <add> and <group>).
   */
  itemSchema(tag: string): ElementSchema;
  /** The item's key: its isUniqueKey attributes if any, else its isCombinedKey attributes. */
  readonly keyAttributes: readonly AttributeSchema[];
  /** True when the key is made of isCombinedKey attributes (changes IIS's duplicate text). */
  readonly combinedKey: boolean;
  /**
   * The key of the items written with `tag`, by the rule of keyAttributes and combinedKey over
   * that tag's item schema: each <collection> declaration keys its own items.
   */
  itemKey(tag: string): ItemKey;
}

/** The attributes that must be unique among the items of one item schema. */
export interface ItemKey {
  readonly attributes: readonly AttributeSchema[];
  /** True when they are isCombinedKey attributes (changes IIS's duplicate text). */
  readonly combined: boolean;
}

export interface SectionSchema extends ElementSchema {
  /** Full section path, e.g. "system.applicationHost/sites". */
  readonly path: string;
}

export interface SchemaSet {
  readonly sections: readonly SectionSchema[];
  /** The full path of every section, without building their models. */
  readonly sectionPaths: readonly string[];
  /** Exact lookup by full path, case-insensitive. */
  getSection(path: string): SectionSchema | undefined;
  /** Where the schema came from (files), for messages. */
  readonly sources: readonly string[];
}
