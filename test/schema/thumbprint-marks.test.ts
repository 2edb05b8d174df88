import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripThumbprintMarks } from '../../src/schema/thumbprint-marks.js';

test('stripThumbprintMarks: every invisible mark and separator goes, counted; the case stays', () => {
  const hash = '9c6e626342deed75bf5fbea611af21305fbf965c';
  const pasted = `\u200e\u202e${hash.match(/../g)?.join(' ')}\u200c\u200d\u2060\ufeff`;
  assert.deepEqual(stripThumbprintMarks(pasted), {
    text: hash,
    removed: ['U+200E LEFT-TO-RIGHT MARK', 'U+202E RIGHT-TO-LEFT OVERRIDE', '19 × space', 'U+200C ZERO WIDTH NON-JOINER', 'U+200D ZERO WIDTH JOINER', 'U+2060 WORD JOINER', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
  });
  assert.deepEqual(stripThumbprintMarks('AB:CD\t\u00a0EF'), { text: 'ABCDEF', removed: ["':'", 'tab', 'U+00A0 NO-BREAK SPACE'] });
  // Anything else is left for the caller to refuse.
  assert.deepEqual(stripThumbprintMarks('CN=x\n'), { text: 'CN=x\n', removed: [] });
});
