/**
 * Decimal integer text ↔ BigInt, for the schema's uint, int and int64 types. BigInt throughout so
 * that int64 limits and 4294967295 are exact; callers narrow to number where it fits.
 */

export interface IntegerBounds {
  readonly min: bigint;
  readonly max: bigint;
}

export const UINT32: IntegerBounds = { min: 0n, max: 4294967295n };
export const INT32: IntegerBounds = { min: -2147483648n, max: 2147483647n };
export const INT64: IntegerBounds = { min: -9223372036854775808n, max: 9223372036854775807n };

// No sign on positives, no blanks, no hex: IIS writes plain decimals, and accepting more would
// let a typo ("1e3", " 5") through as a number.
const DECIMAL = /^-?[0-9]+$/;

/** The value of `text` when it is a decimal integer within `bounds`, else undefined. */
export function parseInteger(text: string, bounds: IntegerBounds): bigint | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = BigInt(text);
  return value < bounds.min || value > bounds.max ? undefined : value;
}
