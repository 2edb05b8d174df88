/**
 * timeSpan values as numbers. The library reads and writes a timeSpan as IIS's text
 * ("00:20:00", "1.05:00:00", "Infinite"); scripts often think in milliseconds instead.
 */
import { AppcmdError } from '../../errors.js';
import { formatTimeSpan, INFINITE, parseTimeSpan } from '../../schema/index.js';

const TICKS_PER_MILLISECOND = 10_000;

/** Milliseconds of a timeSpan text (fractions of a millisecond kept); "Infinite" is Infinity. */
export function timeSpanToMilliseconds(text: string): number {
  if (text.toLowerCase() === INFINITE.toLowerCase()) return Infinity;
  const ticks = parseTimeSpan(text);
  if (ticks === undefined) throw new AppcmdError('VALUE_INVALID', 'Not a valid timespan value', { hints: [`"${text}" is not [-][d.]hh:mm:ss[.fffffff].`] });
  return Number(ticks) / TICKS_PER_MILLISECOND;
}

/** The timeSpan text IIS writes for a duration in milliseconds; Infinity is "Infinite". */
export function millisecondsToTimeSpan(ms: number): string {
  if (ms === Infinity) return INFINITE;
  if (!Number.isFinite(ms)) throw new AppcmdError('VALUE_INVALID', 'Not a valid timespan value', { hints: [`${ms} is not a duration in milliseconds.`] });
  // A tick is 100 ns: anything finer than that cannot be written.
  return formatTimeSpan(BigInt(Math.round(ms * TICKS_PER_MILLISECOND)));
}
