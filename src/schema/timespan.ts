/**
 * .NET TimeSpan text, as IIS stores timeSpan attributes: `[-][d.]hh:mm:ss[.fffffff]`. Values are
 * kept as a count of 100 ns ticks (BigInt, the .NET representation) so that the round trip is
 * exact and the Int64 limits of .NET apply.
 */
import { INT64 } from './integer.js';

export const TICKS_PER_SECOND = 10_000_000n;
const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;

// Hours above 23 are accepted when there is no day part: IIS's own schema writes
// periodicRestart@time's default as "29:00:00", and IIS reads and writes it back as "1.05:00:00".
const TIMESPAN = /^(-)?(?:([0-9]+)\.)?([0-9]+):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]{1,7}))?$/;

/** Ticks of a timespan text, or undefined when it is not one. */
export function parseTimeSpan(text: string): bigint | undefined {
  const m = TIMESPAN.exec(text);
  if (m === null) return undefined;
  const [, sign, days, hours, minutes, seconds, fraction] = m;
  const h = BigInt(hours ?? '0');
  const min = BigInt(minutes ?? '0');
  const s = BigInt(seconds ?? '0');
  if (min > 59n || s > 59n) return undefined;
  if (days !== undefined && h > 23n) return undefined;
  const ticks =
    BigInt(days ?? '0') * TICKS_PER_DAY +
    h * TICKS_PER_HOUR +
    min * TICKS_PER_MINUTE +
    s * TICKS_PER_SECOND +
    BigInt((fraction ?? '').padEnd(7, '0'));
  const signed = sign === '-' ? -ticks : ticks;
  return signed < INT64.min || signed > INT64.max ? undefined : signed;
}

const two = (n: bigint): string => n.toString().padStart(2, '0');

/** The .NET "c" (constant) format: `[-][d.]hh:mm:ss[.fffffff]`, fraction only when non-zero. */
export function formatTimeSpan(ticks: bigint): string {
  const negative = ticks < 0n;
  let rest = negative ? -ticks : ticks;
  const days = rest / TICKS_PER_DAY;
  rest %= TICKS_PER_DAY;
  const hours = rest / TICKS_PER_HOUR;
  rest %= TICKS_PER_HOUR;
  const minutes = rest / TICKS_PER_MINUTE;
  rest %= TICKS_PER_MINUTE;
  const seconds = rest / TICKS_PER_SECOND;
  const fraction = rest % TICKS_PER_SECOND;
  return (
    (negative ? '-' : '') +
    (days > 0n ? `${days}.` : '') +
    `${two(hours)}:${two(minutes)}:${two(seconds)}` +
    (fraction > 0n ? `.${fraction.toString().padStart(7, '0')}` : '')
  );
}

/** Whole seconds, truncated toward zero as .NET's `Ticks / 10000000` does. */
export function wholeSeconds(ticks: bigint): bigint {
  return ticks / TICKS_PER_SECOND;
}

export function secondsToTicks(seconds: bigint): bigint {
  return seconds * TICKS_PER_SECOND;
}
