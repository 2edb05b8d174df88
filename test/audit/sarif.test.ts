import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFtpSsl } from '../../src/audit/audit.js';
import { ALL_RULES } from '../../src/audit/rules.js';
import { artifactUri, toSarif } from '../../src/audit/sarif.js';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { NOW } from '../cert/make-cert.js';
import { certSet, withKey, writeStoreFolder } from '../cert/store-fixture.js';
import { corpusFile } from '../helpers/paths.js';
import { openConfig, SOME_HASH, writeFtpConfig } from './ftp-config.js';
import { sarifValidator } from './sarif-schema.js';

const validate = sarifValidator();

/** A configuration that triggers nearly every rule, with a certificate folder. */
function busyReport(): ReturnType<typeof auditFtpSsl> {
  const set = certSet();
  const folder = CertificateStoreFolder.open(writeStoreFolder({ My: { 'old.pem': withKey(set.expired), 'sha1.pem': withKey(set.sha1) }, WebHosting: { 'ec.pem': withKey(set.ecdsa) } }));
  const file = writeFtpConfig({
    sites: [
      { name: 'allow', ssl: { controlChannelPolicy: 'SslAllow', dataChannelPolicy: 'SslAllow', serverCertHash: set.expired.thumbprint } },
      { name: "o'brien ftp", bindings: ['ftp/*:990:'], ssl: { controlChannelPolicy: 'SslRequireCredentialsOnly', dataChannelPolicy: 'SslDeny', serverCertHash: set.ecdsa.thumbprint, ssl128: 'true' }, clientCertAuthentication: true },
      { name: 'nocert', sslClientCertificates: { clientCertificatePolicy: 'CertRequire', validationFlags: 'NoRevocationCheck' } },
      { name: 'sha1', ssl: { serverCertHash: set.sha1.thumbprint, ssl128: 'true' } },
      { name: 'missing', ssl: { serverCertHash: SOME_HASH, ssl128: 'true' } },
    ],
  });
  return auditFtpSsl(openConfig(file), { now: NOW, certStore: folder });
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const report = busyReport();
    assert.ok(report.counts.high + report.counts.medium + report.counts.low >= 10, 'many rules fired');
    const r = validate(JSON.parse(JSON.stringify(toSarif(report, { toolVersion: '0.1.0' }))));
    assert.deepEqual(r.errors, []);
    assert.equal(r.valid, true);
  });

  it('validates for the corpus files and for a report without findings', () => {
    for (const nn of ['04', '05']) assert.deepEqual(validate(JSON.parse(JSON.stringify(toSarif(auditFtpSsl(openConfig(corpusFile(nn)), { now: NOW }))))).errors, []);
    const empty = auditFtpSsl(openConfig(writeFtpConfig({ sites: [] })), { now: NOW });
    assert.deepEqual(validate(toSarif(empty)).errors, []);
  });

  it('is checked by a validator that does reject broken logs', () => {
    const log = JSON.parse(JSON.stringify(toSarif(busyReport()))) as { version?: string; runs: { results: { level: string }[] }[] };
    const badLevel = structuredClone(log);
    const first = badLevel.runs[0]?.results[0];
    assert.ok(first !== undefined);
    first.level = 'fatal';
    assert.equal(validate(badLevel).valid, false);
    delete log.version;
    assert.equal(validate(log).valid, false);
  });

  it('ties each result to its rule, its line and a stable fingerprint', () => {
    const report = auditFtpSsl(openConfig(corpusFile('04')), { now: NOW });
    const sarif = toSarif(report);
    const run = sarif.runs[0];
    assert.ok(run !== undefined);
    assert.equal(run.tool.driver.rules.length, ALL_RULES.length);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex]?.id, r.ruleId);
    const json = JSON.parse(JSON.stringify(run.results[0])) as { level: string; locations: { physicalLocation: { region: { startLine: number } } }[]; partialFingerprints: Record<string, string> };
    assert.equal(json.level, 'error');
    assert.equal(json.locations[0]?.physicalLocation.region.startLine, 177, 'the <ssl> line of SupernovaFTP');
    assert.deepEqual(json.partialFingerprints, { 'appcmdFtpSsl/v1': 'FTPS001:supernovaftp' });
  });

  it('writes artifact URIs that code scanning resolves', () => {
    assert.equal(artifactUri('config/applicationHost.config'), 'config/applicationHost.config');
    assert.equal(artifactUri('my configs\\app host.config'), 'my%20configs/app%20host.config');
    assert.equal(artifactUri('/srv/iis/applicationHost.config'), 'file:///srv/iis/applicationHost.config');
    assert.equal(artifactUri('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config'), 'file:///C:/Windows/System32/inetsrv/config/applicationHost.config');
  });
});
