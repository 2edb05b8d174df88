import type { ElementSchema, SchemaSet } from '../schema/types.js';
import { maskSecret } from '../store/encrypted-value.js';

const namesBySchema = new WeakMap<SchemaSet, ReadonlySet<string>>();

/** Names of the attributes any section declares encrypted="true" (passwords), found from the schema. */
function encryptedNames(schema: SchemaSet): ReadonlySet<string> {
  let names = namesBySchema.get(schema);
  if (names === undefined) {
    const found = new Set<string>();
    const stack: ElementSchema[] = [...schema.sections];
    for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
      for (const a of e.attributes) if (a.encrypted) found.add(a.name);
      stack.push(...e.elements);
      if (e.collection !== undefined) stack.push(e.collection.item);
    }
    names = found;
    namesBySchema.set(schema, names);
  }
  return names;
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)(\s*=\s*)(["'])(.*?)\3/g;

/**
 * A diff sent to the page shows a password (a context line may hold one) as `list` does:
 * `[enc:Provider:********:enc]` or `********`, never its value.
 */
export function maskSecretsInDiff(diff: string, schema: SchemaSet): string {
  const names = encryptedNames(schema);
  return diff.replace(ATTRIBUTE, (all: string, name: string, eq: string, quote: string, value: string) => {
    const masked = maskSecret(value, names.has(name));
    return masked === value ? all : `${name}${eq}${quote}${masked}${quote}`;
  });
}
