import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSslElementCertificate } from '../../src/audit/check-ssl-element.js';
import { sslElement } from '../../src/audit/settings.js';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { AppcmdError } from '../../src/errors.js';
import { NOW } from '../cert/make-cert.js';
import { certSet, withKey, writeStoreFolder } from '../cert/store-fixture.js';
import { openConfig, writeFtpConfig } from './ftp-config.js';

const set = certSet();
const store = CertificateStoreFolder.open(writeStoreFolder({ WebHosting: { 'ftp.pem': withKey(set.valid) } }));

describe('checkSslElementCertificate (for the set config write path)', () => {
  it('checks the effective pair after an edit: the store inherited from siteDefaults counts', () => {
    const config = openConfig(writeFtpConfig({ sites: [{ name: 'ftp' }], siteDefaultsSsl: { serverCertStoreName: 'WebHosting' } }));
    const sites = config.getSection('system.applicationHost/sites').getCollection();
    const site = sites.find({ name: 'ftp' });
    assert.ok(site !== undefined);
    const ssl = sslElement(site);
    assert.equal(checkSslElementCertificate(ssl, { store, now: NOW }), undefined, 'no hash, nothing to check');
    ssl.setAttributeValue('serverCertHash', set.valid.thumbprint);
    assert.deepEqual(checkSslElementCertificate(ssl, { store, now: NOW })?.warnings, []);
    ssl.setAttributeValue('serverCertStoreName', 'My');
    assert.throws(
      () => checkSslElementCertificate(ssl, { store, now: NOW }),
      (e: unknown) => e instanceof AppcmdError && e.code === 'OBJECT_NOT_FOUND' && /in store "WebHosting"/.test(e.message),
    );
    assert.equal(checkSslElementCertificate(ssl, { store, now: NOW, force: true })?.warnings.length, 1);
  });
});
