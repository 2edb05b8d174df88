import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nonce } from '../../src/store/nonce.js';

test('nonce: the asked number of hex digits, different each time', () => {
  for (const n of [1, 8, 16, 20]) assert.match(nonce(n), new RegExp(`^[0-9a-f]{${n}}$`));
  const seen = new Set(Array.from({ length: 1000 }, () => nonce(16)));
  assert.equal(seen.size, 1000);
});
