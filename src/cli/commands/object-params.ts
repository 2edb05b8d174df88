import { AppcmdError } from '../../errors.js';
import type { PropertyChange } from '../../appcmd/apply-switch.js';
import type { Switch } from '../tokenizer.js';

/** An object verb's parameters: the named ones it knows (/name:, /site.name:…) and property changes. */
export interface ObjectParams {
  /** Named parameters by lower-case name. */
  readonly named: ReadonlyMap<string, string>;
  /** Everything else: attribute paths to set, /+ and /- of collection items. */
  readonly changes: readonly PropertyChange[];
}

/** Splits the property switches: `names` (lower-case) are named parameters, each needing a value. */
export function splitParams(properties: readonly Switch[], names: readonly string[]): ObjectParams {
  const named = new Map<string, string>();
  const changes: PropertyChange[] = [];
  for (const sw of properties) {
    const key = sw.name.toLowerCase();
    if (sw.operator === 'set' && names.includes(key)) {
      if (sw.value === undefined) throw new AppcmdError('BAD_ARGUMENT', `The parameter "${sw.raw}" needs a value: /${sw.name}:VALUE.`);
      named.set(key, sw.value);
    } else changes.push(sw);
  }
  return { named, changes };
}

/** The first of several named parameters given (aliases: /name and /site.name). */
export function namedValue(params: ObjectParams, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = params.named.get(n);
    if (v !== undefined) return v;
  }
  return undefined;
}
