/** Assertions on the value API: accepted with a canonical text, or refused with IIS's text. */
import assert from 'node:assert/strict';
import { isAppcmdError } from '../../src/errors.js';
import { normalizeValue } from '../../src/schema/value.js';
import type { AttributeSchema } from '../../src/schema/types.js';

export function accepts(attr: AttributeSchema, input: string, canonical: string = input): void {
  assert.equal(normalizeValue(attr, input), canonical, `${attr.name}: ${JSON.stringify(input)}`);
}

export function rejects(attr: AttributeSchema, input: string, message: string): void {
  assert.equal(verdict(attr, input), `error:VALUE_INVALID:${message}`, `${attr.name}: ${JSON.stringify(input)}`);
}

/** "ok:<canonical>" or "error:<message>": a verdict two schemas can be compared on. */
export function verdict(attr: AttributeSchema, input: string): string {
  try {
    return `ok:${normalizeValue(attr, input)}`;
  } catch (e) {
    if (isAppcmdError(e)) return `error:${e.code}:${e.message}`;
    throw e;
  }
}
