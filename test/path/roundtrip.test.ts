import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppcmdError } from '../../src/errors.js';
import { formatPropertyPath, parsePropertyPath } from '../../src/path/index.js';
import { segmentsArb } from './arbitraries.js';

describe('property path round trips (fast-check)', () => {
  it('parse ∘ format is the identity on generated segments', () => {
    fc.assert(
      fc.property(segmentsArb, (segments) => {
        const text = formatPropertyPath(segments);
        const parsed = parsePropertyPath(text);
        assert.deepEqual(parsed.segments, segments);
        assert.equal(parsed.text, text);
        assert.equal(formatPropertyPath(parsed), text);
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary text either parses to a fixpoint or fails with BAD_INDEXER / BAD_ARGUMENT', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'[]\'".,=@ab01:'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        let segments;
        try {
          segments = parsePropertyPath(text).segments;
        } catch (e) {
          assert.ok(e instanceof AppcmdError, `unexpected ${String(e)}`);
          assert.ok(e.code === 'BAD_INDEXER' || e.code === 'BAD_ARGUMENT');
          return;
        }
        assert.deepEqual(parsePropertyPath(formatPropertyPath(segments)).segments, segments);
      }),
      { numRuns: 3000 },
    );
  });
});
