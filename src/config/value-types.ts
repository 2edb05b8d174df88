/** A typed attribute value: enums and flags as their names, int64 as bigint, timeSpan as its text. */
export type ConfigValue = boolean | number | bigint | string;

/**
 * Where an effective value came from, most specific first: this level of the file, a parent
 * level (server level or a <location> of a parent path), the collection's default element
 * (siteDefaults…), the schema.
 */
export type ValueSource = 'explicit' | 'inherited' | 'defaultElement' | 'schemaDefault' | 'none';
