import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanThumbprint, looksLikeThumbprint } from '../../src/cert/thumbprint.js';

const HASH = '9C6E626342DEED75BF5FBEA611AF21305FBF965C';

describe('cleanThumbprint', () => {
  it('removes what the certificate dialog and openssl add, and upper-cases', () => {
    const pasted = '\u200e9c 6e 62 63 42 de ed 75 bf 5f be a6 11 af 21 30 5f bf 96 5c';
    assert.deepEqual(cleanThumbprint(pasted), { value: HASH, removed: ['U+200E LEFT-TO-RIGHT MARK', '19 × space'], valid: true });
    assert.equal(cleanThumbprint(HASH.match(/../g)?.join(':') ?? '').value, HASH);
    assert.deepEqual(cleanThumbprint(HASH).removed, []);
  });

  it('is valid only for exactly 40 hex digits', () => {
    assert.equal(cleanThumbprint(HASH.slice(1)).valid, false);
    assert.equal(cleanThumbprint(`${HASH}00`).valid, false);
    assert.equal(cleanThumbprint(HASH.replace('C', 'G')).valid, false);
  });

  it('tells thumbprints from subjects', () => {
    assert.equal(looksLikeThumbprint(`\u200e${HASH.toLowerCase()}`), true);
    assert.equal(looksLikeThumbprint('CN=ftp.example.com'), false);
  });
});
