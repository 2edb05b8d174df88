/**
 * Enum and flags values: names matched case-insensitively (as appcmd and the config reader do),
 * numbers accepted as the schema's numeric value, and the canonical text IIS writes back.
 */
import type { EnumValue } from './types.js';

const NUMBER = /^-?[0-9]+$/;

/** The schema's spelling of the enum value named or numbered by `text`, else undefined. */
export function decodeEnum(values: readonly EnumValue[], text: string): EnumValue | undefined {
  if (NUMBER.test(text)) {
    const n = Number(text);
    return values.find((v) => v.value === n);
  }
  const lower = text.toLowerCase();
  return values.find((v) => v.name.toLowerCase() === lower);
}

/**
 * The bits named by a flags text: names joined by commas with any spacing, in any order, or one
 * number. Undefined when a name is unknown or the number has bits no flag names.
 */
export function decodeFlags(values: readonly EnumValue[], text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (NUMBER.test(trimmed)) {
    const n = Number(trimmed);
    if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) return undefined;
    return (n & ~allBits(values)) >>> 0 === 0 ? n : undefined;
  }
  let bits = 0;
  for (const part of trimmed.split(',')) {
    const flag = decodeEnum(values, part.trim());
    if (flag === undefined || NUMBER.test(part.trim())) return undefined;
    bits = (bits | flag.value) >>> 0;
  }
  return bits;
}

/**
 * The text IIS writes for a set of bits: the names in ascending bit order joined by ", ", or the
 * zero-valued flag's name (typically "None") when no bit is set and the schema has one.
 */
export function encodeFlags(values: readonly EnumValue[], bits: number): string {
  if (bits === 0) return values.find((v) => v.value === 0)?.name ?? '';
  return [...values]
    .filter((v) => v.value !== 0 && (bits & v.value) >>> 0 === v.value)
    .sort((a, b) => a.value - b.value)
    .map((v) => v.name)
    .join(', ');
}

function allBits(values: readonly EnumValue[]): number {
  return values.reduce((acc, v) => (acc | v.value) >>> 0, 0);
}
