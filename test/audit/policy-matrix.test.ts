import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFtpSsl, type SiteAudit } from '../../src/audit/audit.js';
import { NOW } from '../cert/make-cert.js';
import { openConfig, SOME_HASH, writeFtpConfig, type SiteSpec } from './ftp-config.js';

function auditOne(site: Omit<SiteSpec, 'name'>, siteDefaultsSsl?: Record<string, string>): SiteAudit {
  const file = writeFtpConfig({ sites: [{ name: 'ftp.example.com', ...site }], siteDefaultsSsl });
  const [audit] = auditFtpSsl(openConfig(file), { now: NOW }).sites;
  assert.ok(audit !== undefined);
  return audit;
}

const ids = (a: SiteAudit): string[] => a.findings.map((f) => f.ruleId);
const ssl = (control: string, data: string, extra: Record<string, string> = {}): Record<string, string> => ({ controlChannelPolicy: control, dataChannelPolicy: data, serverCertHash: SOME_HASH, ssl128: 'true', ...extra });

describe('the four policy combinations of the IIS documentation', () => {
  it('SslAllow / SslAllow: the client decides, everything may be clear (high)', () => {
    const a = auditOne({ ssl: ssl('SslAllow', 'SslAllow') });
    assert.deepEqual(ids(a), ['FTPS001']);
    assert.equal(a.findings[0]?.severity, 'high');
    assert.equal(a.findings[0]?.fix, 'appcmd set ftpssl "ftp.example.com" /policy:Require');
  });

  it('SslRequireCredentialsOnly / SslAllow: data may be clear after logon (medium)', () => {
    const a = auditOne({ ssl: ssl('SslRequireCredentialsOnly', 'SslAllow') });
    assert.deepEqual(ids(a), ['FTPS003']);
    assert.equal(a.findings[0]?.severity, 'medium');
    assert.match(a.findings[0]?.message ?? '', /commands after logon and data may travel in clear text/);
  });

  it('SslRequireCredentialsOnly / SslRequire: only commands after logon may be clear (low)', () => {
    const a = auditOne({ ssl: ssl('SslRequireCredentialsOnly', 'SslRequire') });
    assert.deepEqual(ids(a), ['FTPS004']);
    assert.equal(a.findings[0]?.severity, 'low');
  });

  it('SslRequire / SslRequire: the strictest, no finding', () => {
    assert.deepEqual(ids(auditOne({ ssl: ssl('SslRequire', 'SslRequire') })), []);
  });
});

describe('other policy findings', () => {
  it('SslDeny on the data channel: every transfer in clear (high)', () => {
    const a = auditOne({ ssl: ssl('SslRequire', 'SslDeny') });
    assert.deepEqual(ids(a), ['FTPS005']);
    assert.equal(a.findings[0]?.fix, 'appcmd set ftpssl "ftp.example.com" /policy:Custom /data:Require');
  });

  it('credentials-only control with SslDeny data reports both, most severe first', () => {
    const a = auditOne({ ssl: ssl('SslRequireCredentialsOnly', 'SslDeny') });
    assert.deepEqual(ids(a), ['FTPS005', 'FTPS003']);
    assert.match(a.findings[1]?.message ?? '', /and data always does/);
  });

  it('SslAllow control with SslRequire data: credentials may be clear (high)', () => {
    assert.deepEqual(ids(auditOne({ ssl: ssl('SslAllow', 'SslRequire') })), ['FTPS002']);
  });

  it('port 990 is implicit FTPS: Allow policies contradict it', () => {
    const a = auditOne({ bindings: ['ftp/*:990:'], ssl: ssl('SslAllow', 'SslAllow') });
    assert.deepEqual(ids(a), ['FTPS001', 'FTPS007']);
    assert.match(a.findings[1]?.message ?? '', /ftp\/\*:990: is implicit FTPS/);
    assert.deepEqual(ids(auditOne({ bindings: ['ftp/*:990:'], ssl: ssl('SslRequire', 'SslRequire') })), []);
    assert.deepEqual(ids(auditOne({ bindings: ['ftp/*:990:'], ssl: ssl('SslRequireCredentialsOnly', 'SslRequire') })), ['FTPS007', 'FTPS004']);
    assert.deepEqual(ids(auditOne({ bindings: ['ftp/10.0.0.1:2121:', 'ftp/[::1]:990:ftp.example.com'], ssl: ssl('SslRequire', 'SslAllow') })), ['FTPS007']);
  });

  it('ssl128 false is reported only when there is a certificate', () => {
    assert.deepEqual(ids(auditOne({ ssl: ssl('SslRequire', 'SslRequire', { ssl128: 'false' }) })), ['FTPS008']);
    assert.deepEqual(ids(auditOne({ ssl: { controlChannelPolicy: 'SslAllow', dataChannelPolicy: 'SslAllow' } })), ['FTPS001']);
  });
});

describe('no certificate', () => {
  it('the defaults require SSL, so a site without any ssl settings cannot be used', () => {
    const a = auditOne({});
    assert.deepEqual(ids(a), ['FTPS006']);
    assert.match(a.findings[0]?.message ?? '', /clients cannot log on/);
    assert.equal(a.settings.controlChannelPolicy.source, 'schemaDefault');
  });

  it('Allow / Allow without a certificate means no FTPS at all', () => {
    const a = auditOne({ ssl: { controlChannelPolicy: 'SslAllow', dataChannelPolicy: 'SslAllow' } });
    assert.match(a.findings[0]?.message ?? '', /FTPS is off/);
    assert.equal(a.findings[0]?.fix, 'appcmd set ftpssl "ftp.example.com" /policy:Require /cert:<thumbprint>');
  });

  it('a data channel that requires SSL without a certificate breaks transfers', () => {
    const a = auditOne({ ssl: { controlChannelPolicy: 'SslAllow', dataChannelPolicy: 'SslRequire' } });
    assert.deepEqual(ids(a), ['FTPS002', 'FTPS006']);
    assert.match(a.findings[1]?.message ?? '', /file transfers and listings fail/);
  });

  it('a hash that is not a thumbprint is reported without a certificate folder', () => {
    assert.deepEqual(ids(auditOne({ ssl: ssl('SslRequire', 'SslRequire', { serverCertHash: 'abc' }) })), ['FTPS010']);
  });
});

describe('effective values', () => {
  it('takes policies from siteDefaults, says so, and points at siteDefaults\' line', () => {
    const a = auditOne({ ssl: { serverCertHash: SOME_HASH, ssl128: 'true' } }, { controlChannelPolicy: 'SslAllow', dataChannelPolicy: 'SslAllow' });
    assert.deepEqual(ids(a), ['FTPS001']);
    assert.equal(a.settings.controlChannelPolicy.source, 'defaultElement');
    assert.match(a.findings[0]?.message ?? '', /SslAllow from siteDefaults/);
    assert.ok((a.findings[0]?.line ?? 0) > (a.line ?? 0) + 5, 'the line of the siteDefaults attribute, after the site');
  });
});

describe('client certificates', () => {
  it('CertRequire without a server certificate cannot work', () => {
    const a = auditOne({ sslClientCertificates: { clientCertificatePolicy: 'CertRequire' } });
    assert.deepEqual(ids(a), ['FTPS006', 'FTPS020']);
  });

  it('client certificate authentication with CertIgnore lets no one log on with a certificate', () => {
    const a = auditOne({ ssl: ssl('SslRequire', 'SslRequire'), clientCertAuthentication: true });
    assert.deepEqual(ids(a), ['FTPS021']);
    assert.equal(a.findings[0]?.fix, `appcmd set config -section:system.applicationHost/sites "/[name='ftp.example.com'].ftpServer.security.sslClientCertificates.clientCertificatePolicy:CertRequire" /commit:apphost`);
  });

  it('CertRequire with an optional TLS control channel can be bypassed', () => {
    const a = auditOne({ ssl: ssl('SslAllow', 'SslRequire'), sslClientCertificates: { clientCertificatePolicy: 'CertRequire' } });
    assert.deepEqual(ids(a), ['FTPS002', 'FTPS022']);
  });

  it('relaxed validation flags are a low finding, and client certificates with SslDeny data a high one', () => {
    const a = auditOne({ ssl: ssl('SslRequire', 'SslDeny'), sslClientCertificates: { clientCertificatePolicy: 'CertAllow', validationFlags: 'NoRevocationCheck, CertChainCacheOnlyUrlRetrieval' } });
    assert.deepEqual(ids(a), ['FTPS005', 'FTPS020', 'FTPS023']);
    assert.match(a.findings[2]?.fix ?? '', /validationFlags:CertChainCacheOnlyUrlRetrieval"/);
  });
});

describe('which sites are audited', () => {
  it('audits sites with an ftp binding or an ftpServer element, not web-only sites', () => {
    const file = writeFtpConfig({
      sites: [
        { name: 'web', bindings: ['http/*:80:'] },
        { name: 'ftp', ssl: ssl('SslRequire', 'SslRequire') },
        { name: 'ftp-settings-only', bindings: ['https/*:443:'], ssl: ssl('SslRequire', 'SslRequire') },
      ],
    });
    const report = auditFtpSsl(openConfig(file), { now: NOW });
    assert.deepEqual(report.sites.map((s) => s.name), ['ftp', 'ftp-settings-only']);
    assert.match(report.sites[1]?.notes.join() ?? '', /no ftp binding/);
  });

  it('audits one named site, and says which FTP sites exist when the name is wrong', () => {
    const file = writeFtpConfig({ sites: [{ name: 'a' }, { name: 'b' }] });
    assert.deepEqual(auditFtpSsl(openConfig(file), { now: NOW, site: 'B' }).sites.map((s) => s.name), ['b']);
    assert.throws(() => auditFtpSsl(openConfig(file), { now: NOW, site: 'c' }), /Cannot find SITE object with identifier "c"/);
  });
});
