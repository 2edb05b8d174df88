/**
 * The validationParameter grammars of the two range validators, per the header comment of
 * IIS_schema.xml: integerRange "min,max[,exclude]" and timeSpanRange
 * "min,max,granularity[,exclude]" (seconds). Parsed once per attribute and cached, because the
 * loader checks them at load time and every value check needs them again.
 */
import { AppcmdError } from '../errors.js';
import type { AttributeSchema } from './types.js';

export interface IntegerRange {
  readonly min: bigint;
  readonly max: bigint;
  readonly exclude: boolean;
}

export interface TimeSpanRange extends IntegerRange {
  readonly granularity: bigint;
}

const INTEGER = /^-?[0-9]+$/;
const integerCache = new WeakMap<AttributeSchema, IntegerRange>();
const timeSpanCache = new WeakMap<AttributeSchema, TimeSpanRange>();

export function integerRangeOf(attr: AttributeSchema): IntegerRange {
  const cached = integerCache.get(attr);
  if (cached !== undefined) return cached;
  const range = parseIntegerRange(attr.validationParameter ?? '');
  if (range === undefined) throw badParameter(attr, 'min,max[,exclude]');
  integerCache.set(attr, range);
  return range;
}

export function timeSpanRangeOf(attr: AttributeSchema): TimeSpanRange {
  const cached = timeSpanCache.get(attr);
  if (cached !== undefined) return cached;
  const range = parseTimeSpanRange(attr.validationParameter ?? '');
  if (range === undefined) throw badParameter(attr, 'min,max,granularity[,exclude]');
  timeSpanCache.set(attr, range);
  return range;
}

export function parseIntegerRange(parameter: string): IntegerRange | undefined {
  const parts = parameter.split(',').map((p) => p.trim());
  const [min, max, flag] = parts;
  if (parts.length > 3 || min === undefined || max === undefined) return undefined;
  if (!INTEGER.test(min) || !INTEGER.test(max)) return undefined;
  if (flag !== undefined && flag !== 'exclude') return undefined;
  return { min: BigInt(min), max: BigInt(max), exclude: flag === 'exclude' };
}

export function parseTimeSpanRange(parameter: string): TimeSpanRange | undefined {
  const parts = parameter.split(',').map((p) => p.trim());
  const [min, max, granularity, flag] = parts;
  if (parts.length > 4 || granularity === undefined || !INTEGER.test(granularity)) return undefined;
  const base = parseIntegerRange([min, max, flag].filter((p) => p !== undefined).join(','));
  const step = BigInt(granularity);
  if (base === undefined || step <= 0n) return undefined;
  return { ...base, granularity: step };
}

function badParameter(attr: AttributeSchema, grammar: string): AppcmdError {
  return new AppcmdError(
    'SCHEMA_INVALID',
    `Attribute "${attr.name}": validationParameter "${attr.validationParameter ?? ''}" of ${attr.validationType ?? ''} must be "${grammar}"`,
  );
}
