import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allowsServerAuth, describeCertificate, isWeakKey, keyDescription, validityAt } from '../../src/cert/certificate.js';
import { isWeakHash } from '../../src/cert/oids.js';
import { readX509Fields } from '../../src/cert/x509-fields.js';
import { daysFrom, keyPair, makeCertificate, NOW, SERVER_AUTH } from './make-cert.js';
import { certSet, hasOpenssl } from './store-fixture.js';
import { tempDir } from '../helpers/temp.js';

const source = { store: 'My', file: '/certs/My/x.pem', privateKey: 'none' as const };

describe('describeCertificate', () => {
  it('gives the thumbprint, names, dates, key and signature as Windows shows them', () => {
    const c = certSet().valid;
    const info = describeCertificate(c.der, source);
    assert.equal(info.thumbprint, c.thumbprint);
    assert.equal(info.thumbprint, new X509Certificate(c.der).fingerprint.replace(/:/g, ''));
    assert.match(info.thumbprint, /^[0-9A-F]{40}$/);
    assert.equal(info.subject, 'CN=ftp.example.com, O=Example, C=US');
    assert.equal(info.issuer, info.subject);
    assert.equal(info.selfSigned, true);
    assert.deepEqual(info.notBefore, daysFrom(NOW, -30));
    assert.deepEqual(info.notAfter, daysFrom(NOW, 365));
    assert.equal(keyDescription(info), 'RSA 2048');
    assert.deepEqual(info.signatureAlgorithm, { oid: '1.2.840.113549.1.1.11', name: 'sha256RSA', hash: 'SHA256' });
    assert.deepEqual(info.enhancedKeyUsage, [SERVER_AUTH]);
    assert.equal(info.hasPrivateKey, false);
  });

  it('detects SHA-1 signatures, weak RSA keys and ECDSA curves', () => {
    const set = certSet();
    const sha1 = describeCertificate(set.sha1.der, source);
    assert.equal(sha1.signatureAlgorithm.name, 'sha1RSA');
    assert.equal(isWeakHash(sha1.signatureAlgorithm.hash), true);
    const weak = describeCertificate(set.rsa1024.der, source);
    assert.equal(weak.keySize, 1024);
    assert.equal(isWeakKey(weak), true);
    assert.equal(isWeakKey(describeCertificate(set.valid.der, source)), false);
    const ec = describeCertificate(set.ecdsa.der, source);
    assert.equal(keyDescription(ec), 'ECDSA P-256');
    assert.equal(ec.signatureAlgorithm.name, 'sha256ECDSA');
  });

  it('reads ECDSA-with-SHA1 and P-384 keys', () => {
    const c = makeCertificate({ subject: 'CN=ec', notBefore: NOW, notAfter: daysFrom(NOW, 1), key: keyPair('ec384'), hash: 'sha1' });
    const info = describeCertificate(c.der, source);
    assert.equal(keyDescription(info), 'ECDSA P-384');
    assert.equal(info.keySize, 384);
    assert.deepEqual(info.signatureAlgorithm, { oid: '1.2.840.10045.4.1', name: 'sha1ECDSA', hash: 'SHA1' });
  });

  it('tells validity at a given instant', () => {
    const set = certSet();
    assert.equal(validityAt(describeCertificate(set.valid.der, source), NOW), 'valid');
    assert.equal(validityAt(describeCertificate(set.expired.der, source), NOW), 'expired');
    assert.equal(validityAt(describeCertificate(set.notYetValid.der, source), NOW), 'notYetValid');
  });

  it('allows server authentication without an EKU list, refuses it for a client-only list', () => {
    const set = certSet();
    const noEku = describeCertificate(set.noEku.der, source);
    assert.equal(noEku.enhancedKeyUsage, undefined);
    assert.equal(allowsServerAuth(noEku), true);
    assert.equal(allowsServerAuth(describeCertificate(set.clientOnly.der, source)), false);
    const any = makeCertificate({ subject: 'CN=any', notBefore: NOW, notAfter: daysFrom(NOW, 1), eku: ['2.5.29.37.0'] });
    assert.equal(allowsServerAuth(describeCertificate(any.der, source)), true);
  });

  it('reads GeneralizedTime validity (years from 2050)', () => {
    const c = makeCertificate({ subject: 'CN=long', notBefore: new Date('2049-12-31T23:59:59Z'), notAfter: new Date('2051-02-03T04:05:06Z') });
    const fields = readX509Fields(c.der);
    assert.deepEqual(fields.notBefore, new Date('2049-12-31T23:59:59Z'));
    assert.deepEqual(fields.notAfter, new Date('2051-02-03T04:05:06Z'));
  });

  it('agrees with the openssl command line on what the test certificates hold', { skip: !hasOpenssl() && 'openssl not on PATH' }, () => {
    const dir = tempDir('appcmd-x509-');
    const c = certSet().sha1;
    const file = join(dir, 'c.pem');
    writeFileSync(file, c.pem);
    const r = spawnSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha1', '-enddate', '-text'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Fingerprint=${c.thumbprint.match(/../g)?.join(':') ?? ''}`, 'i'));
    assert.match(r.stdout, /Signature Algorithm: sha1WithRSAEncryption/);
    assert.match(r.stdout, /TLS Web Server Authentication/);
    const info = describeCertificate(c.der, source);
    assert.equal(new Date(/notAfter=(.*)/.exec(r.stdout)?.[1] ?? '').getTime(), info.notAfter.getTime());
  });
});
