import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../src/xml/text-edit.js';
import type { TextEdit } from '../../src/xml/types.js';

/** The obvious implementation: sort (stable), then splice from the last edit backwards. */
function naiveApply(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset || a.i - b.i);
  let out = text;
  for (let k = sorted.length - 1; k >= 0; k--) {
    const { e } = sorted[k]!;
    out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  }
  return out;
}

describe('applyEdits', () => {
  it('replaces, inserts and deletes in one pass whatever the given order', () => {
    const text = '<a x="1" y="2" />';
    const edits: TextEdit[] = [
      { offset: 14, length: 0, text: ' z="3"' },
      { offset: 6, length: 1, text: 'one' },
      { offset: 8, length: 6, text: '' },
    ];
    assert.equal(applyEdits(text, edits), '<a x="one" z="3" />');
  });

  it('keeps the given order of edits at the same offset', () => {
    assert.equal(applyEdits('ac', [{ offset: 1, length: 0, text: 'b' }, { offset: 1, length: 0, text: 'B' }]), 'abBc');
    assert.equal(applyEdits('ac', [{ offset: 1, length: 0, text: 'B' }, { offset: 1, length: 0, text: 'b' }]), 'aBbc');
    assert.equal(applyEdits('abc', [{ offset: 1, length: 0, text: '+' }, { offset: 1, length: 1, text: 'B' }]), 'a+Bc');
  });

  it('returns the text unchanged for no edits, and handles both ends', () => {
    assert.equal(applyEdits('abc', []), 'abc');
    assert.equal(applyEdits('abc', [{ offset: 0, length: 0, text: '<' }, { offset: 3, length: 0, text: '>' }]), '<abc>');
    assert.equal(applyEdits('abc', [{ offset: 0, length: 3, text: '' }]), '');
    assert.equal(applyEdits('abcd', [{ offset: 1, length: 1, text: 'X' }, { offset: 2, length: 1, text: 'Y' }]), 'aXYd', 'adjacent edits do not overlap');
  });

  it('throws on overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ offset: 1, length: 3, text: '' }, { offset: 2, length: 3, text: '' }]), /overlapping text edits/);
    assert.throws(() => applyEdits('abcdef', [{ offset: 1, length: 3, text: '' }, { offset: 2, length: 0, text: 'x' }]), /overlapping/);
    assert.throws(() => applyEdits('abcdef', [{ offset: 1, length: 2, text: '' }, { offset: 1, length: 0, text: 'x' }]), /overlapping/, 'an insertion at the start of an earlier replacement');
  });

  it('throws on edits outside the text', () => {
    assert.throws(() => applyEdits('abc', [{ offset: 2, length: 2, text: '' }]), /out of range/);
    assert.throws(() => applyEdits('abc', [{ offset: -1, length: 0, text: '' }]), /out of range/);
    assert.throws(() => applyEdits('abc', [{ offset: 0.5, length: 0, text: '' }]), /out of range/);
  });

  it('equals the naive implementation on random non-overlapping edits', () => {
    const caseArb = fc.string({ maxLength: 40 }).chain((text) =>
      fc
        .array(fc.record({ a: fc.nat(text.length), b: fc.nat(text.length), text: fc.string({ maxLength: 5 }), insert: fc.boolean() }), { maxLength: 8 })
        .map((raw) => {
          // Disjoint ranges: sort the proposed ranges and keep those that start after the last kept end.
          const ranges = raw.map((r) => ({ offset: Math.min(r.a, r.b), length: r.insert ? 0 : Math.abs(r.a - r.b), text: r.text })).sort((x, y) => x.offset - y.offset);
          const kept: TextEdit[] = [];
          let end = -1;
          for (const r of ranges) {
            if (r.offset > end || (r.length === 0 && r.offset >= end) || (kept.length === 0 && r.offset >= 0)) {
              kept.push(r);
              end = r.offset + r.length;
            }
          }
          return { text, edits: kept };
        })
        .chain(({ text, edits }) => fc.shuffledSubarray(edits, { minLength: edits.length }).map((shuffled) => ({ text, sorted: edits, shuffled }))),
    );
    fc.assert(
      fc.property(caseArb, ({ text, sorted, shuffled }) => {
        assert.equal(applyEdits(text, sorted), naiveApply(text, sorted));
        // Shuffling may only reorder edits at different offsets or insertions at one offset.
        assert.equal(applyEdits(text, shuffled), naiveApply(text, shuffled));
      }),
      { numRuns: 500 },
    );
  });

  it('throws whenever an edit starts inside another', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.integer({ min: 1, max: 10 }), fc.nat(9), fc.nat(10), (offset, length, into, otherLength) => {
        const first: TextEdit = { offset, length, text: 'x' };
        const second: TextEdit = { offset: offset + (into % length), length: otherLength, text: 'y' };
        const text = '.'.repeat(40);
        assert.throws(() => applyEdits(text, [first, second]), /overlapping/);
        if (second.offset > offset || second.length > 0) assert.throws(() => applyEdits(text, [second, first]), /overlapping/);
        else assert.equal(applyEdits(text, [second, first]), naiveApply(text, [second, first]));
      }),
    );
  });
});
