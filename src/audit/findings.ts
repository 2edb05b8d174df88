import type { CertIssueCode, ServerCertInspection } from '../cert/server-cert.js';
import { commonName } from '../cert/distinguished-name.js';
import { IMPLICIT_FTPS_PORT, type FtpBinding } from './bindings.js';
import { certSwitch, ftpSslFix, setConfigFix } from './fix-command.js';
import { RULES, type AuditRule, type RuleKey } from './rules.js';
import { SETTING_PATHS, type FtpSslSettings, type Setting } from './settings.js';
import type { Severity } from './severity.js';

export interface Finding {
  readonly ruleId: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** A command line that fixes it; undefined when the fix is outside the configuration. */
  readonly fix: string | undefined;
  /** The setting at fault (key of FtpSslSettings), which gives the location. */
  readonly setting: keyof FtpSslSettings;
}

export interface SiteFacts {
  readonly site: string;
  readonly settings: FtpSslSettings;
  readonly bindings: readonly FtpBinding[];
  /** Present when a certificate folder was given and serverCertHash is set. */
  readonly certificate: ServerCertInspection | undefined;
  /** The folder given with /certstore:, for fix commands that select a certificate. */
  readonly certStoreDir: string | undefined;
}

const CERT_RULES: Readonly<Record<CertIssueCode, RuleKey>> = {
  hashInvalid: 'certHashInvalid',
  notFound: 'certNotFound',
  wrongStore: 'certWrongStore',
  expired: 'certExpired',
  notYetValid: 'certNotYetValid',
  expiringSoon: 'certExpiringSoon',
  noServerAuth: 'certNoServerAuth',
  noPrivateKey: 'certNoPrivateKey',
  weakKey: 'certWeakKey',
  weakSignature: 'certWeakSignature',
};

/** Every finding for one FTP site, in rule order. */
export function evaluateSite(facts: SiteFacts): Finding[] {
  const out: Finding[] = [];
  const add = (key: RuleKey, setting: keyof FtpSslSettings, message: string, fix: string | undefined): void => {
    const r: AuditRule = RULES[key];
    out.push({ ruleId: r.id, rule: r.name, severity: r.severity, message, fix, setting });
  };
  policyFindings(facts, add);
  certificateFindings(facts, add);
  clientCertificateFindings(facts, add);
  return out;
}

type Add = (key: RuleKey, setting: keyof FtpSslSettings, message: string, fix: string | undefined) => void;

/**
 * Switches that select a certificate: by name with the folder (which finds the valid one), else
 * a thumbprint placeholder, since selecting by subject needs the folder.
 */
function selectCert(facts: SiteFacts, commonNameHint = '<host name>'): string[] {
  if (facts.certStoreDir === undefined) return ['/cert:<thumbprint>'];
  return [certSwitch(`CN=${commonNameHint}`), `/certstore:${quoteIfNeeded(facts.certStoreDir)}`];
}

function policyFindings(facts: SiteFacts, add: Add): void {
  const { site, settings: s } = facts;
  const control = s.controlChannelPolicy.value;
  const data = s.dataChannelPolicy.value;
  const hasCert = s.serverCertHash.value !== '';
  const pair = `controlChannelPolicy ${control}${from(s.controlChannelPolicy)}, dataChannelPolicy ${data}${from(s.dataChannelPolicy)}`;
  const requireBoth = hasCert ? ftpSslFix(site, '/policy:Require') : ftpSslFix(site, '/policy:Require', ...selectCert(facts));

  if (control === 'SslAllow' && data === 'SslAllow') {
    const message = hasCert
      ? `Both channels allow clear text (${pair}): credentials and data may travel in clear text.`
      : `Both channels allow clear text (${pair}) and no certificate is set (serverCertHash): FTPS is off, credentials and data travel in clear text.`;
    add('sslOptional', 'controlChannelPolicy', message, requireBoth);
  } else if (control === 'SslAllow') {
    add('credentialsInClear', 'controlChannelPolicy', `The control channel allows clear text (${pair}): user names and passwords may travel unencrypted.`, ftpSslFix(site, '/policy:Custom', '/control:Require'));
  }
  if (control === 'SslRequireCredentialsOnly' && (data === 'SslAllow' || data === 'SslDeny')) {
    const what = data === 'SslDeny' ? 'commands after logon may travel in clear text, and data always does' : 'commands after logon and data may travel in clear text';
    add('clearAfterLogon', 'controlChannelPolicy', `Only the credentials are protected (${pair}): ${what}.`, ftpSslFix(site, '/policy:Require'));
  } else if (control === 'SslRequireCredentialsOnly') {
    add('commandsInClear', 'controlChannelPolicy', `Only logon is protected on the control channel (${pair}): file names and paths may travel in clear text after logon.`, ftpSslFix(site, '/policy:Require'));
  }
  if (data === 'SslDeny') {
    add('dataSslDenied', 'dataChannelPolicy', `The data channel refuses SSL (dataChannelPolicy SslDeny${from(s.dataChannelPolicy)}): every transfer and listing travels in clear text.`, ftpSslFix(site, '/policy:Custom', '/data:Require'));
  }
  const requires = [control !== 'SslAllow' ? `controlChannelPolicy ${control}` : '', data === 'SslRequire' ? `dataChannelPolicy ${data}` : ''].filter((x) => x !== '');
  if (!hasCert && requires.length > 0) {
    const effect = control !== 'SslAllow' ? 'clients cannot log on' : 'file transfers and listings fail';
    add('sslRequiredWithoutCertificate', 'serverCertHash', `SSL is required (${requires.join(', ')}) but no certificate is set (serverCertHash): ${effect}.`, ftpSslFix(site, ...selectCert(facts)));
  }
  const implicit = facts.bindings.filter((b) => b.port === IMPLICIT_FTPS_PORT);
  if (implicit.length > 0 && (control !== 'SslRequire' || data !== 'SslRequire')) {
    add('implicitFtpsPolicy', 'controlChannelPolicy', `The binding ${implicit.map((b) => `ftp/${b.bindingInformation}`).join(', ')} is implicit FTPS (port ${IMPLICIT_FTPS_PORT}): the whole session must be encrypted, but ${pair}.`, requireBoth);
  }
  if (hasCert && s.ssl128.value !== 'true') {
    add('ssl128Disabled', 'ssl128', `128-bit encryption is not required (ssl128 ${s.ssl128.value}${from(s.ssl128)}).`, ftpSslFix(site, '/ssl128:true'));
  }
}

function certificateFindings(facts: SiteFacts, add: Add): void {
  const inspection = facts.certificate;
  if (inspection === undefined) return;
  const current = inspection.certificate ?? inspection.elsewhere[0];
  const cn = current === undefined ? undefined : commonName(current.subject);
  const dir = facts.certStoreDir === undefined ? [] : [`/certstore:${quoteIfNeeded(facts.certStoreDir)}`];
  for (const issue of inspection.issues) {
    const key = CERT_RULES[issue.code];
    let fix: string | undefined;
    if (issue.code === 'wrongStore' && current !== undefined) fix = ftpSslFix(facts.site, `/store:${current.store}`, ...dir);
    else if (issue.code === 'weakKey' || issue.code === 'weakSignature') fix = undefined;
    else fix = ftpSslFix(facts.site, ...selectCert(facts, cn));
    add(key, issue.code === 'wrongStore' ? 'serverCertStoreName' : 'serverCertHash', issue.message, fix);
  }
}

function clientCertificateFindings(facts: SiteFacts, add: Add): void {
  const { site, settings: s } = facts;
  const policy = s.clientCertificatePolicy.value;
  const authOn = s.clientCertAuthentication.value === 'true';
  const used = policy !== 'CertIgnore' || authOn;
  if (!used) return;
  const what = policy !== 'CertIgnore' ? `clientCertificatePolicy ${policy}` : 'client certificate authentication';
  if (s.serverCertHash.value === '' || s.dataChannelPolicy.value === 'SslDeny') {
    const why = s.serverCertHash.value === '' ? 'no server certificate is set (serverCertHash)' : 'the data channel denies SSL (dataChannelPolicy SslDeny)';
    add('clientCertWithoutSsl', 'clientCertificatePolicy', `${what} needs TLS, but ${why}.`, s.serverCertHash.value === '' ? ftpSslFix(site, ...selectCert(facts)) : ftpSslFix(site, '/policy:Custom', '/data:Require'));
  }
  if (authOn && policy === 'CertIgnore') {
    add('clientCertAuthIgnored', 'clientCertificatePolicy', `Client certificate authentication is enabled but clientCertificatePolicy is CertIgnore${from(s.clientCertificatePolicy)}: no one can log on with a certificate.`, setConfigFix(site, SETTING_PATHS.clientCertificatePolicy, 'CertRequire'));
  }
  if (policy === 'CertRequire' && s.controlChannelPolicy.value === 'SslAllow') {
    add('clientCertTlsOptional', 'controlChannelPolicy', `clientCertificatePolicy CertRequire is enforced on TLS sessions only, and controlChannelPolicy SslAllow lets a client skip TLS and the certificate.`, ftpSslFix(site, '/policy:Custom', '/control:Require'));
  }
  const flags = s.validationFlags.value.split(',').map((f) => f.trim());
  const relaxed: string[] = flags.filter((f) => f === 'NoRevocationCheck' || f === 'CertNoUsageCheck');
  if (relaxed.length > 0) {
    const kept = flags.filter((f) => f !== '' && !relaxed.includes(f)).join(', ');
    add('clientCertValidationRelaxed', 'validationFlags', `Client certificate validation is relaxed (validationFlags ${relaxed.join(', ')}).`, setConfigFix(site, SETTING_PATHS.validationFlags, kept));
  }
}

/** " (from siteDefaults)" or " (default)" after a value that the site does not set itself. */
function from(s: Setting): string {
  if (s.source === 'defaultElement') return ' from siteDefaults';
  if (s.source === 'schemaDefault' || s.source === 'none') return ' by default';
  return '';
}

function quoteIfNeeded(s: string): string {
  return /[\s"]/.test(s) ? `"${s}"` : s;
}
