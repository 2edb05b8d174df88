/**
 * The schema layer's public surface: the model's types, the loaders and the value API. Other
 * layers import from here rather than from the files behind it.
 */
export type * from './types.js';
export { bundledSchema, bundledSchemaDir, loadSchema, loadSchemaDir, loadSchemaFiles, type SchemaSource } from './loader.js';
export {
  checkStoredValue,
  describeAttribute,
  effectiveDefault,
  effectiveDefaultValue,
  normalizeValue,
  parseStoredValue,
  type ConfigValue,
} from './value.js';
export { formatTimeSpan, parseTimeSpan } from './timespan.js';
export { INFINITE } from './codec.js';
