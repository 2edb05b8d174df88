/**
 * Type codecs: the text of a value (from a command line or a file) → its canonical text and typed
 * value, by the attribute's schema type alone. Validators (validationType) run afterwards, on the
 * decoded value; see validation.ts.
 */
import { AppcmdError } from '../errors.js';
import { decodeEnum, decodeFlags, encodeFlags } from './enums.js';
import { INT32, INT64, UINT32, parseInteger, type IntegerBounds } from './integer.js';
import * as msg from './messages.js';
import { closest } from './suggest.js';
import { formatTimeSpan, parseTimeSpan, TICKS_PER_SECOND } from './timespan.js';
import type { AttributeSchema } from './types.js';

/** A typed attribute value: enums as their names, flags and timespans as their canonical text. */
export type ConfigValue = boolean | number | bigint | string;

export interface DecodedValue {
  /** The canonical text IIS would write. */
  readonly text: string;
  readonly value: ConfigValue;
  /** The integer, for uint/int/int64 (what integerRange checks). */
  readonly integer: bigint | undefined;
  /** The duration in ticks for timeSpan; undefined for Infinite (what timeSpanRange checks). */
  readonly ticks: bigint | undefined;
}

export const INFINITE = 'Infinite';

export function decodeValue(attr: AttributeSchema, text: string): DecodedValue {
  switch (attr.type) {
    case 'bool':
      return decodeBool(text);
    case 'enum':
      return decodeEnumValue(attr, text);
    case 'flags':
      return decodeFlagsValue(attr, text);
    case 'uint':
      return decodeInteger(text, UINT32, msg.NOT_UINT, false);
    case 'int':
      return decodeInteger(text, INT32, msg.NOT_INT, false);
    case 'int64':
      return decodeInteger(text, INT64, msg.NOT_INT64, true);
    case 'timeSpan':
      return decodeTimeSpan(attr, text);
    case 'string':
      return plain(text, text);
  }
}

function plain(text: string, value: ConfigValue): DecodedValue {
  return { text, value, integer: undefined, ticks: undefined };
}

function invalid(message: string, hints: readonly string[] = []): AppcmdError {
  return new AppcmdError('VALUE_INVALID', message, { hints });
}

function decodeBool(text: string): DecodedValue {
  const lower = text.toLowerCase();
  if (lower === 'true') return plain('true', true);
  if (lower === 'false') return plain('false', false);
  throw invalid(msg.NOT_BOOL, ['Use true or false.']);
}

function decodeEnumValue(attr: AttributeSchema, text: string): DecodedValue {
  const found = decodeEnum(attr.values, text);
  if (found !== undefined) return plain(found.name, found.name);
  const names = attr.values.map((v) => v.name);
  throw invalid(msg.enumMessage(names), didYouMean(text, names));
}

function decodeFlagsValue(attr: AttributeSchema, text: string): DecodedValue {
  const bits = decodeFlags(attr.values, text);
  if (bits !== undefined) {
    const canonical = encodeFlags(attr.values, bits);
    return plain(canonical, canonical);
  }
  const names = attr.values.map((v) => v.name);
  const unknown = text.split(',').map((p) => p.trim()).find((p) => decodeEnum(attr.values, p) === undefined);
  throw invalid(msg.flagsMessage(names), unknown === undefined ? [] : didYouMean(unknown, names));
}

function decodeInteger(text: string, bounds: IntegerBounds, message: string, big: boolean): DecodedValue {
  const n = parseInteger(text, bounds);
  if (n === undefined) throw invalid(message, [`Expected a whole number from ${bounds.min} to ${bounds.max}.`]);
  return { text: n.toString(), value: big ? n : Number(n), integer: n, ticks: undefined };
}

function decodeTimeSpan(attr: AttributeSchema, text: string): DecodedValue {
  if (attr.allowInfinite && text.toLowerCase() === 'infinite') {
    return plain(INFINITE, INFINITE);
  }
  if (attr.timeSpanFormat !== 'string') {
    // seconds/minutes formats store a plain number; the number is parsed as .NET's int.Parse does.
    const n = parseInteger(text, INT32);
    if (n === undefined) throw invalid(msg.NOT_INT, [`Expected a whole number of ${attr.timeSpanFormat}.`]);
    const unit = attr.timeSpanFormat === 'minutes' ? 60n * TICKS_PER_SECOND : TICKS_PER_SECOND;
    return { text: n.toString(), value: n.toString(), integer: undefined, ticks: n * unit };
  }
  const ticks = parseTimeSpan(text);
  if (ticks === undefined) {
    const infinite = attr.allowInfinite ? ', or Infinite' : '';
    throw invalid(msg.NOT_TIMESPAN, [`Expected [-][d.]hh:mm:ss[.fffffff], for example 00:02:00 or 1.05:00:00${infinite}.`]);
  }
  const canonical = formatTimeSpan(ticks);
  return { text: canonical, value: canonical, integer: undefined, ticks };
}

function didYouMean(input: string, names: readonly string[]): string[] {
  const guess = closest(input, names);
  return guess === undefined ? [] : [`Did you mean "${guess}"?`];
}
