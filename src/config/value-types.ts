/** A typed attribute value: enums and flags as their names, int64 as bigint, timeSpan as its text. */
export type ConfigValue = boolean | number | bigint | string;

/** Where an effective value came from, most specific first. */
export type ValueSource = 'explicit' | 'defaultElement' | 'schemaDefault' | 'none';
