import type { ElementSchema } from '../../schema/types.js';
import { maskSecret } from '../../store/encrypted-value.js';

/**
 * Whether list output shows secrets: by default `[enc:…:enc]` payloads and the values of
 * attributes the schema declares encrypted are masked (output ends up in CI logs and tickets);
 * --show-secrets shows them as stored.
 */
export type SecretDisplay = 'masked' | 'shown';

const ABSENT_SHAPES = new WeakMap<ElementSchema, Map<string, readonly string[]>>();

/** What renderElement shows for an element, and its descendants, none of which are written. */
export function absentShape(schema: ElementSchema, name: string, depth: number): readonly string[] {
  let byPlace = ABSENT_SHAPES.get(schema);
  if (byPlace === undefined) ABSENT_SHAPES.set(schema, (byPlace = new Map()));
  const key = `${depth} ${name}`;
  let lines = byPlace.get(key);
  if (lines === undefined) {
    const shape: string[] = [];
    if (schema.elements.length === 0 && schema.collection === undefined) shape.push(`${indent(depth)}<${name} />`);
    else {
      shape.push(`${indent(depth)}<${name}>`);
      for (const c of schema.elements) shape.push(...absentShape(c, c.name, depth + 1));
      shape.push(`${indent(depth)}</${name}>`);
    }
    byPlace.set(key, (lines = shape));
  }
  return lines;
}

export function shown(text: string, declaredEncrypted: boolean, secrets: SecretDisplay): string {
  return secrets === 'shown' ? text : maskSecret(text, declaredEncrypted);
}

/**
 * Indentation stops growing past this depth: deeper than any schema goes, and it keeps the output
 * of a hostile file with thousands of nested elements linear in its size instead of quadratic.
 */
const MAX_INDENT_DEPTH = 64;

export function indent(depth: number): string {
  return '  '.repeat(Math.min(depth, MAX_INDENT_DEPTH));
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
