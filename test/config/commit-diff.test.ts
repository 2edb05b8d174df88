import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffLines } from '../../src/config/line-diff.js';
import { changesBetween, changesFromEdits, formatUnifiedDiff, statsOf } from '../../src/config/commit-diff.js';
import { applyEdits } from '../../src/xml/text-edit.js';
import type { TextEdit } from '../../src/xml/types.js';
import { applyUnifiedDiff } from '../helpers/unified-diff.js';

const lineArb = fc.constantFrom('<a>', '  <b x="1" />', '  <b x="2" />', '</a>', '', 'text', '<c/>');
const textArb = fc.tuple(fc.array(lineArb, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, finalEol]) => {
  const joined = lines.join(eol);
  return lines.length > 0 && finalEol ? joined + eol : joined;
});

/** Non-overlapping edits over `text`, as a commit produces them. */
function editsArb(text: string): fc.Arbitrary<TextEdit[]> {
  const insert = fc.constantFrom('', 'X', '\n', '  <new />\n', '\r\n  <d/>', 'y="3" ');
  return fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 12 }), insert), { maxLength: 6 }).map((raw) => {
    const edits: TextEdit[] = [];
    let end = -1;
    for (const [offset, length, inserted] of [...raw].sort((a, b) => a[0] - b[0])) {
      if (offset <= end) continue;
      const len = Math.min(length, text.length - offset);
      edits.push({ offset, length: len, text: inserted });
      end = offset + len;
    }
    return edits;
  });
}

test('the diff of a commit\'s edits, applied as patch applies it, gives the committed text', () => {
  fc.assert(
    fc.property(
      textArb.chain((before) => fc.tuple(fc.constant(before), editsArb(before))),
      ([before, edits]) => {
        const after = applyEdits(before, edits);
        const changes = changesFromEdits(before, edits);
        const diff = formatUnifiedDiff('f', before, changes);
        assert.equal(applyUnifiedDiff(before, diff), after);
        const stats = statsOf(changes);
        assert.equal(stats.added, (diff.match(/^\+(?!\+\+ )/gm) ?? []).length);
        assert.equal(stats.removed, (diff.match(/^-(?!-- )/gm) ?? []).length);
        assert.equal(diff === '', before === after);
      },
    ),
    { numRuns: 500 },
  );
});

test('the whole-text diff (a restore) round-trips too', () => {
  fc.assert(
    fc.property(textArb, textArb, (before, after) => {
      assert.equal(applyUnifiedDiff(before, formatUnifiedDiff('f', before, changesBetween(before, after))), after);
    }),
    { numRuns: 300 },
  );
});

test('a line diff is minimal: one changed line is one removed and one added line', () => {
  const a = ['1\n', '2\n', '3\n', '4\n'];
  assert.deepEqual(
    diffLines(a, ['1\n', '2\n', 'x\n', '4\n']).filter((l) => l.kind !== ' '),
    [
      { kind: '-', text: '3\n' },
      { kind: '+', text: 'x\n' },
    ],
  );
  assert.equal(diffLines(a, a).filter((l) => l.kind !== ' ').length, 0);
  // Past the memory bound a region degrades to "all removed, all added", still a correct diff.
  const big = Array.from({ length: 20_000 }, (_, i) => `${i % 7}\n`);
  const other = big.map((l, i) => (i % 3 === 0 ? 'z\n' : l));
  const d = diffLines(big, other);
  assert.deepEqual(
    d.filter((l) => l.kind !== '+').map((l) => l.text),
    big,
  );
  assert.deepEqual(
    d.filter((l) => l.kind !== '-').map((l) => l.text),
    other,
  );
});

test('hunks carry three lines of context and merge when their contexts touch', () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
  const at = (line: number): number => before.indexOf(`line ${line}\n`);
  const edits: TextEdit[] = [
    { offset: at(3), length: 'line 3'.length, text: 'LINE 3' },
    { offset: at(9), length: 'line 9'.length, text: 'LINE 9' },
    { offset: at(17), length: 0, text: 'new\n' },
  ];
  assert.equal(
    formatUnifiedDiff('f', before, changesFromEdits(before, edits)),
    [
      '--- f',
      '+++ f',
      '@@ -1,12 +1,12 @@',
      ' line 1',
      ' line 2',
      '-line 3',
      '+LINE 3',
      ' line 4',
      ' line 5',
      ' line 6',
      ' line 7',
      ' line 8',
      '-line 9',
      '+LINE 9',
      ' line 10',
      ' line 11',
      ' line 12',
      '@@ -14,6 +14,7 @@',
      ' line 14',
      ' line 15',
      ' line 16',
      '+new',
      ' line 17',
      ' line 18',
      ' line 19',
      '',
    ].join('\n'),
  );
});
