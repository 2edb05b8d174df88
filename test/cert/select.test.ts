import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectCertificate } from '../../src/cert/select.js';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { AppcmdError } from '../../src/errors.js';
import { daysFrom, makeCertificate, NOW, SERVER_AUTH, CLIENT_AUTH } from './make-cert.js';
import { withKey, writeStoreFolder } from './store-fixture.js';

const subject = 'CN=ftp.example.com, O=Example';
const mk = (from: number, to: number, eku = [SERVER_AUTH]) => makeCertificate({ subject, notBefore: daysFrom(NOW, from), notAfter: daysFrom(NOW, to), eku });
const current = mk(-300, 60);
const renewed = mk(-2, 400);
const renewedNoKey = mk(-1, 500);
const future = mk(5, 800);
const clientOnly = mk(-1, 600, [CLIENT_AUTH]);
const expired = mk(-800, -400);

const folder = CertificateStoreFolder.open(
  writeStoreFolder({
    WebHosting: { 'current.pem': withKey(current), 'renewed.pfx.pem': withKey(renewed), 'nokey.pem': renewedNoKey.pem, 'future.pem': withKey(future), 'client.pem': withKey(clientOnly) },
    My: { 'expired.pem': withKey(expired), 'current.pem': withKey(current) },
  }),
);

describe('selectCertificate', () => {
  it('selects by subject the usable certificate that expires last', () => {
    const s = selectCertificate({ selector: 'CN=ftp.example.com', store: folder, now: NOW });
    assert.equal(s.certificate.thumbprint, renewed.thumbprint);
    assert.equal(s.certificate.store, 'WebHosting');
    assert.match(s.reason, /expires last.*of 2 usable/);
  });

  it('restricts the search to /store: when given', () => {
    const s = selectCertificate({ selector: 'cn=FTP.example.com', storeName: 'my', store: folder, now: NOW });
    assert.equal(s.certificate.thumbprint, current.thumbprint);
    assert.equal(s.certificate.store, 'My');
  });

  it('explains why no certificate with the subject is usable', () => {
    assert.throws(
      () => selectCertificate({ selector: 'CN=ftp.example.com', storeName: 'My', store: folder, now: daysFrom(NOW, 100) }),
      (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID' && e.hints.some((h) => /expired on/.test(h)),
    );
  });

  it('selects by thumbprint, preferring the current store when the certificate is in several', () => {
    assert.equal(selectCertificate({ selector: current.thumbprint.toLowerCase(), store: folder, now: NOW, preferredStore: 'MY' }).certificate.store, 'My');
    assert.equal(selectCertificate({ selector: current.thumbprint, store: folder, now: NOW, preferredStore: 'WebHosting' }).certificate.store, 'WebHosting');
  });

  it('says where a certificate is when it is not in the requested store', () => {
    assert.throws(
      () => selectCertificate({ selector: renewed.thumbprint, storeName: 'My', store: folder, now: NOW }),
      (e: unknown) => e instanceof AppcmdError && e.code === 'OBJECT_NOT_FOUND' && e.hints.some((h) => /Found in store "WebHosting"/.test(h)),
    );
  });

  it('refuses a value that is neither a thumbprint nor a subject', () => {
    assert.throws(() => selectCertificate({ selector: '12345', store: folder, now: NOW }), /neither a SHA-1 thumbprint/);
  });
});
