/**
 * Property tests: the canonical texts decode back to the same value (so a value written once is
 * stable under re-normalisation), for timespans over the whole .NET range and for flag sets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeFlags, encodeFlags } from '../../src/schema/enums.js';
import { INT64 } from '../../src/schema/integer.js';
import { formatTimeSpan, parseTimeSpan } from '../../src/schema/timespan.js';
import { values } from './make-attribute.js';

describe('timespan text', () => {
  it('parse(format(ticks)) = ticks over the Int64 range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64.min, max: INT64.max }), (ticks) => {
        assert.equal(parseTimeSpan(formatTimeSpan(ticks)), ticks);
      }),
    );
  });
  it('formats like .NET TimeSpan.ToString("c")', () => {
    assert.equal(formatTimeSpan(0n), '00:00:00');
    assert.equal(formatTimeSpan(1n), '00:00:00.0000001');
    assert.equal(formatTimeSpan(-600_000_000n), '-00:01:00');
    assert.equal(formatTimeSpan(INT64.max), '10675199.02:48:05.4775807');
    assert.equal(formatTimeSpan(INT64.min), '-10675199.02:48:05.4775808');
  });
});

describe('flags text', () => {
  const flags = values({ None: 0, A: 1, B: 2, C: 4, D: 1024, E: 2147483648 });
  it('decode(encode(bits)) = bits for every combination', () => {
    fc.assert(
      fc.property(fc.subarray([1, 2, 4, 1024, 2147483648]), (set) => {
        const bits = set.reduce((acc, b) => acc + b, 0);
        assert.equal(decodeFlags(flags, encodeFlags(flags, bits)), bits);
      }),
    );
  });
  it('encodes the top bit as unsigned', () => {
    assert.equal(encodeFlags(flags, 2147483648 + 1), 'A, E');
    assert.equal(decodeFlags(flags, 'e,a'), 2147483649);
  });
});
