import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkServerCertHash, inspectServerCert, type CertIssueCode } from '../../src/cert/server-cert.js';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { AppcmdError } from '../../src/errors.js';
import { NOW } from './make-cert.js';
import { certSet, standardStoreFolder } from './store-fixture.js';

const set = certSet();
const folder = CertificateStoreFolder.open(standardStoreFolder(set));

function codes(hash: string, storeName = 'MY'): CertIssueCode[] {
  return inspectServerCert({ hash, storeName, store: folder, now: NOW }).issues.map((i) => i.code);
}

describe('inspectServerCert', () => {
  it('finds nothing wrong with a valid certificate in the named store (store name in any case)', () => {
    assert.deepEqual(codes(set.valid.thumbprint), []);
    assert.deepEqual(codes(set.valid.thumbprint.toLowerCase(), 'my'), []);
    assert.deepEqual(codes(set.ecdsa.thumbprint, 'WEBHOSTING'), []);
  });

  it('reports each problem a server would have', () => {
    assert.deepEqual(codes(set.expired.thumbprint), ['expired']);
    assert.deepEqual(codes(set.notYetValid.thumbprint), ['notYetValid']);
    assert.deepEqual(codes(set.expiringSoon.thumbprint), ['expiringSoon']);
    assert.deepEqual(codes(set.clientOnly.thumbprint), ['noServerAuth']);
    assert.deepEqual(codes(set.rsa1024.thumbprint), ['weakKey']);
    assert.deepEqual(codes(set.sha1.thumbprint), ['weakSignature']);
    assert.deepEqual(codes(set.noEku.thumbprint), ['noPrivateKey']);
    assert.deepEqual(codes('not-a-hash'), ['hashInvalid']);
    assert.deepEqual(codes('0000000000000000000000000000000000000000'), ['notFound']);
  });

  it('says where the certificate is when it is in another store (WebHosting versus MY)', () => {
    const r = inspectServerCert({ hash: `\u200e${set.ecdsa.thumbprint}`, storeName: 'MY', store: folder, now: NOW });
    assert.equal(r.hash, set.ecdsa.thumbprint);
    assert.equal(r.certificate, undefined);
    assert.equal(r.elsewhere[0]?.store, 'WebHosting');
    assert.equal(r.issues[0]?.code, 'wrongStore');
    assert.match(r.issues[0]?.message ?? '', /not in store "MY" but in store "WebHosting".*Set serverCertStoreName to "WebHosting"/);
  });

  it('names the stores that exist when the named one does not', () => {
    const r = inspectServerCert({ hash: set.valid.thumbprint, storeName: 'Root', store: folder, now: NOW });
    assert.match(r.issues[0]?.message ?? '', /has no "Root" store; its stores are: My, WebHosting/);
  });
});

describe('checkServerCertHash', () => {
  it('refuses a blocking problem with a stable code and the Win32 status', () => {
    assert.throws(
      () => checkServerCertHash({ hash: set.ecdsa.thumbprint, storeName: 'MY', store: folder, now: NOW }),
      (e: unknown) => e instanceof AppcmdError && e.code === 'OBJECT_NOT_FOUND' && e.win32 === 1168 && e.hints.some((h) => /\/force/.test(h)),
    );
    assert.throws(
      () => checkServerCertHash({ hash: set.expired.thumbprint, storeName: 'MY', store: folder, now: NOW }),
      (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID' && /expired on/.test(e.message),
    );
  });

  it('writes anyway with force, turning the refusal into a warning', () => {
    const r = checkServerCertHash({ hash: set.noEku.thumbprint, storeName: 'MY', store: folder, now: NOW, force: true });
    assert.equal(r.certificate?.thumbprint, set.noEku.thumbprint);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /^Warning \(forced\): .*no private key/);
  });

  it('passes risky-but-working certificates with a warning', () => {
    const r = checkServerCertHash({ hash: set.sha1.thumbprint, storeName: 'MY', store: folder, now: NOW });
    assert.deepEqual(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /^Warning: .*sha1RSA/);
    assert.deepEqual(checkServerCertHash({ hash: set.valid.thumbprint, storeName: 'My', store: folder, now: NOW }).warnings, []);
  });
});
