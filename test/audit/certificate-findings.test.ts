import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFtpSsl, type SiteAudit } from '../../src/audit/audit.js';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { NOW } from '../cert/make-cert.js';
import { certSet, standardStoreFolder } from '../cert/store-fixture.js';
import { openConfig, SOME_HASH, writeFtpConfig } from './ftp-config.js';

const set = certSet();
const folder = CertificateStoreFolder.open(standardStoreFolder(set));

function auditWith(hash: string, store?: string): SiteAudit {
  const ssl: Record<string, string> = { controlChannelPolicy: 'SslRequire', dataChannelPolicy: 'SslRequire', serverCertHash: hash, ssl128: 'true' };
  if (store !== undefined) ssl['serverCertStoreName'] = store;
  const [site] = auditFtpSsl(openConfig(writeFtpConfig({ sites: [{ name: 'ftp.example.com', ssl }] })), { now: NOW, certStore: folder }).sites;
  assert.ok(site !== undefined);
  return site;
}

const ids = (a: SiteAudit): string[] => a.findings.map((f) => f.ruleId);

describe('certificate findings with /certstore:', () => {
  it('a valid certificate in the named store: no finding, and its summary', () => {
    const a = auditWith(set.valid.thumbprint.toLowerCase());
    assert.deepEqual(ids(a), []);
    assert.deepEqual(a.certificate && { thumbprint: a.certificate.thumbprint, store: a.certificate.store, subject: a.certificate.subject }, { thumbprint: set.valid.thumbprint, store: 'My', subject: 'CN=ftp.example.com, O=Example, C=US' });
    assert.deepEqual(a.notes, []);
  });

  it('the WebHosting-versus-MY mistake: found in another store, with the fix', () => {
    const a = auditWith(set.ecdsa.thumbprint);
    assert.deepEqual(ids(a), ['FTPS012']);
    assert.match(a.findings[0]?.message ?? '', /not in store "MY" but in store "WebHosting"/);
    assert.equal(a.findings[0]?.fix, `appcmd set ftpssl "ftp.example.com" /store:WebHosting /certstore:${folder.dir}`);
    assert.deepEqual(ids(auditWith(set.ecdsa.thumbprint, 'webhosting')), []);
  });

  it('one finding per certificate problem', () => {
    const cases: [string, string][] = [
      [SOME_HASH, 'FTPS011'],
      [set.expired.thumbprint, 'FTPS013'],
      [set.notYetValid.thumbprint, 'FTPS014'],
      [set.expiringSoon.thumbprint, 'FTPS015'],
      [set.clientOnly.thumbprint, 'FTPS016'],
      [set.noEku.thumbprint, 'FTPS017'],
      [set.rsa1024.thumbprint, 'FTPS018'],
      [set.sha1.thumbprint, 'FTPS019'],
    ];
    for (const [hash, id] of cases) assert.deepEqual(ids(auditWith(hash)), [id], id);
  });

  it('fixes a certificate problem by selecting a valid certificate with the same name', () => {
    const a = auditWith(set.expired.thumbprint);
    assert.equal(a.findings[0]?.severity, 'high');
    assert.equal(a.findings[0]?.fix, `appcmd set ftpssl "ftp.example.com" /cert:"CN=old.example.com" /certstore:${folder.dir}`);
    assert.equal(auditWith(set.sha1.thumbprint).findings[0]?.fix, undefined, 'a weak signature needs a new certificate, not a configuration change');
  });

  it('suggests selecting a certificate by name from the folder when none is set', () => {
    const [a] = auditFtpSsl(openConfig(writeFtpConfig({ sites: [{ name: 's' }] })), { now: NOW, certStore: folder }).sites;
    assert.equal(a?.findings[0]?.ruleId, 'FTPS006');
    assert.equal(a?.findings[0]?.fix, `appcmd set ftpssl "s" /cert:"CN=<host name>" /certstore:${folder.dir}`);
  });

  it('without /certstore: the certificate is not checked, and the report says so', () => {
    const ssl = { controlChannelPolicy: 'SslRequire', dataChannelPolicy: 'SslRequire', serverCertHash: set.expired.thumbprint, ssl128: 'true' };
    const [a] = auditFtpSsl(openConfig(writeFtpConfig({ sites: [{ name: 's', ssl }] })), { now: NOW }).sites;
    assert.deepEqual(a?.findings, []);
    assert.match(a?.notes[0] ?? '', /not checked.*\/certstore:DIR/);
  });
});
