/**
 * The value API of the schema layer: what a command line may set, what a file may hold, and what
 * an attribute is worth when nobody set it. The same rules serve both directions, as in IIS,
 * whose configuration reader and API setter share one validator per attribute.
 */
import { decodeValue, INFINITE, type ConfigValue } from './codec.js';
import { validate } from './validation.js';
import type { AttributeSchema } from './types.js';

export type { ConfigValue } from './codec.js';
export { describeAttribute } from './describe.js';
export { effectiveDefault, effectiveDefaultValue } from './defaults.js';

/**
 * A value from the command line → the canonical text to write (IIS's own spelling: "true",
 * the enum name as the schema spells it, flags in bit order, timespans as .NET's "c" format).
 * Throws AppcmdError VALUE_INVALID with IIS's text.
 */
export function normalizeValue(attr: AttributeSchema, input: string): string {
  const decoded = decodeValue(attr, input);
  validate(attr, decoded);
  return decoded.text;
}

/**
 * The text a write stores for a value from the command line: the canonical text, except that a
 * timeSpan keeps the spelling it was typed in. IIS reads `99:00:00` as 99 hours (as it reads its
 * own schema's default `29:00:00`), so the typed text means what the user meant and the file
 * shows it, rather than `4.03:00:00`. Validation is the same as normalizeValue's.
 */
export function writtenText(attr: AttributeSchema, input: string): string {
  const canonical = normalizeValue(attr, input);
  return attr.type === 'timeSpan' && attr.timeSpanFormat === 'string' && canonical !== INFINITE ? input : canonical;
}

/** A value read from a file → its typed value; same rules as normalizeValue. */
export function parseStoredValue(attr: AttributeSchema, text: string): ConfigValue {
  const decoded = decodeValue(attr, text);
  validate(attr, decoded);
  return decoded.value;
}

/** Throws VALUE_INVALID when a value read from a file would make IIS reject the file. */
export function checkStoredValue(attr: AttributeSchema, text: string): void {
  validate(attr, decodeValue(attr, text));
}
