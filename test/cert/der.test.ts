import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeOid, DerError, readTlv } from '../../src/cert/der.js';
import { readX509Fields } from '../../src/cert/x509-fields.js';
import { oid, seq, tlv } from './der-writer.js';
import { certSet } from './store-fixture.js';

describe('DER reader', () => {
  it('decodes object identifiers, including multi-byte arcs', () => {
    for (const dotted of ['1.2.840.113549.1.1.11', '2.5.29.37.0', '1.3.6.1.4.1.311.10.3.4', '2.999.1']) {
      const encoded = oid(dotted);
      assert.equal(decodeOid(encoded.subarray(2)), dotted);
    }
  });

  it('reads long-form lengths', () => {
    const content = Buffer.alloc(300, 7);
    const t = readTlv(tlv(0x04, content), 0);
    assert.equal(t.end - t.start, 300);
  });

  it('rejects truncated, indefinite and overlong encodings', () => {
    assert.throws(() => readTlv(Buffer.from([0x30]), 0), DerError);
    assert.throws(() => readTlv(Buffer.from([0x30, 0x80, 0, 0]), 0), DerError);
    assert.throws(() => readTlv(Buffer.from([0x30, 0x05, 1, 2]), 0), DerError);
    assert.throws(() => decodeOid(Buffer.from([0x2a, 0x86])), DerError);
  });

  it('refuses what is not one certificate', () => {
    assert.throws(() => readX509Fields(seq(oid('1.2.3'))), DerError);
    const der = certSet().valid.der;
    assert.throws(() => readX509Fields(Buffer.concat([der, Buffer.from([0])])), DerError);
    assert.throws(() => readX509Fields(der.subarray(0, der.length - 10)), DerError);
  });
});
