/**
 * integerRange and timeSpanRange. Both bounds are inclusive; "exclude" inverts the range, so the
 * value must lie outside [min, max] (schema header: "fails if value is outside [inside] range").
 *
 * JexusManager's IntegerRangeValidator.cs tests `min < v < max` for exclude while its own text says
 * "inclusive"; we follow the text and the schema header, which makes sites/limits@maxBandwidth
 * (0,1023,exclude) reject 0..1023 — the IIS 6 metabase rule "1024 to 4294967295" — and
 * ftpServer/connections@maxBandwidth (0,4294967294,exclude) accept only 4294967295.
 */
import { formatTimeSpan, secondsToTicks, wholeSeconds } from './timespan.js';
import * as msg from './messages.js';
import type { IntegerRange, TimeSpanRange } from './validation-parameter.js';

const inside = (v: bigint, r: IntegerRange): boolean => v >= r.min && v <= r.max;

export function checkIntegerRange(value: bigint, range: IntegerRange): string | undefined {
  if (range.exclude) return inside(value, range) ? msg.integerExcludeMessage(range.min, range.max) : undefined;
  return inside(value, range) ? undefined : msg.integerRangeMessage(range.min, range.max);
}

/**
 * The value counts in whole seconds (ticks / 10^7, truncated, as JexusManager's
 * TimeSpanRangeValidator.cs computes it) and must be a multiple of the granularity.
 */
export function checkTimeSpanRange(ticks: bigint, range: TimeSpanRange): string | undefined {
  const seconds = wholeSeconds(ticks);
  const onGrid = seconds % range.granularity === 0n;
  const min = formatTimeSpan(secondsToTicks(range.min));
  const max = formatTimeSpan(secondsToTicks(range.max));
  if (range.exclude) {
    return inside(seconds, range) || !onGrid ? msg.timeSpanExcludeMessage(min, max, range.granularity) : undefined;
  }
  return inside(seconds, range) && onGrid ? undefined : msg.timeSpanRangeMessage(min, max, range.granularity);
}
