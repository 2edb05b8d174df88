import { AppcmdError } from '../errors.js';
import type { ConfigurationElement } from '../config/element.js';
import { checkServerCertHash } from '../cert/server-cert.js';
import { selectCertificate } from '../cert/select.js';
import type { CertificateStoreFolder } from '../cert/store-folder.js';
import { cleanThumbprint } from '../cert/thumbprint.js';
import { looksLikeName } from '../cert/distinguished-name.js';
import type { ControlPolicy, DataPolicy, PolicyPreset } from './policy-words.js';
import { sslElement } from './settings.js';

/** What the FTP SSL Settings page sets, all optional; omitted parts keep their effective value. */
export interface FtpSslRequest {
  readonly policy?: PolicyPreset;
  readonly control?: ControlPolicy;
  readonly data?: DataPolicy;
  /** A thumbprint or a subject ("CN=ftp.example.com"); null selects no certificate. */
  readonly cert?: string | null;
  readonly store?: string;
  readonly ssl128?: boolean;
}

export interface ApplyOptions {
  readonly now: Date;
  readonly certStore?: CertificateStoreFolder;
  /** Write despite certificate problems and an SSL requirement without a certificate. */
  readonly force?: boolean;
}

export interface SettingChange {
  readonly attribute: string;
  readonly before: string;
  /** The value before came from siteDefaults, not from this element. */
  readonly inherited: boolean;
  readonly after: string;
}

export interface ApplyResult {
  readonly changes: readonly SettingChange[];
  /** For stderr: certificate warnings, what the write policy cleaned, how a certificate was chosen. */
  readonly messages: readonly string[];
}

interface Plan {
  control: string;
  data: string;
  hash: string | undefined;
  store: string | undefined;
  ssl128: boolean | undefined;
}

/**
 * The FTP SSL Settings page as one operation on a site or on siteDefaults: the whole request is
 * checked (policies, certificate against the folder, SSL required without a certificate) before
 * anything is written, and then written as edits of one document that the caller commits.
 */
export function applyFtpSslSettings(siteOrDefaults: ConfigurationElement, request: FtpSslRequest, options: ApplyOptions): ApplyResult {
  checkRequest(request);
  const ssl = sslElement(siteOrDefaults);
  const messages: string[] = [];
  const current = (name: string): string => String(ssl.getAttribute(name).value);
  const plan: Plan = { ...policies(request, current('controlChannelPolicy'), current('dataChannelPolicy')), hash: undefined, store: request.store, ssl128: request.ssl128 };
  if (request.cert === null) plan.hash = '';
  else if (request.cert !== undefined) chooseCertificate(request.cert, ssl, plan, options, messages);
  else if (request.store !== undefined && options.certStore !== undefined && current('serverCertHash') !== '') {
    messages.push(...checkServerCertHash({ hash: current('serverCertHash'), storeName: request.store, store: options.certStore, now: options.now, force: options.force }).warnings);
  }
  guardRequireWithoutCertificate(request, plan, current('serverCertHash'), options.force === true, messages);
  return { changes: write(ssl, request, plan, messages), messages };
}

function checkRequest(r: FtpSslRequest): void {
  if (r.policy === undefined && r.control === undefined && r.data === undefined && r.cert === undefined && r.store === undefined && r.ssl128 === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', 'Nothing to set: give /policy:, /control:, /data:, /cert:, /store: or /ssl128:.');
  }
  if ((r.policy === 'Allow' || r.policy === 'Require') && (r.control !== undefined || r.data !== undefined)) {
    throw new AppcmdError('BAD_ARGUMENT', `/policy:${r.policy} sets both channels; use /policy:Custom with /control: and /data:.`);
  }
  if (r.policy === 'Custom' && r.control === undefined && r.data === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', '/policy:Custom needs /control: (Allow, Require, CredentialsOnly) and/or /data: (Allow, Require, Deny).');
  }
}

function policies(r: FtpSslRequest, control: string, data: string): { control: string; data: string } {
  if (r.policy === 'Allow') return { control: 'SslAllow', data: 'SslAllow' };
  if (r.policy === 'Require') return { control: 'SslRequire', data: 'SslRequire' };
  return { control: r.control ?? control, data: r.data ?? data };
}

function chooseCertificate(selector: string, ssl: ConfigurationElement, plan: Plan, options: ApplyOptions, messages: string[]): void {
  const folder = options.certStore;
  const currentStore = String(ssl.getAttribute('serverCertStoreName').value);
  if (folder === undefined) {
    if (looksLikeName(selector)) {
      throw new AppcmdError('BAD_ARGUMENT', `Selecting a certificate by subject (${selector}) needs the certificate folder: /certstore:DIR.`);
    }
    const { value, valid, removed } = cleanThumbprint(selector);
    if (!valid) throw new AppcmdError('VALUE_INVALID', `"${selector}" is not a SHA-1 thumbprint (40 hexadecimal digits).`);
    if (removed.length > 0) messages.push(`Note: removed from /cert: ${removed.join(', ')}.`);
    plan.hash = value;
    plan.store ??= currentStore;
    if (plan.store === currentStore && ssl.getAttribute('serverCertStoreName').source === 'schemaDefault') {
      messages.push(`Note: serverCertStoreName is not set anywhere, so IIS looks in "${currentStore}". If the certificate is in another store (WebHosting for win-acme), add /store:WebHosting.`);
    }
    return;
  }
  const selection = selectCertificate({ selector, store: folder, storeName: plan.store, preferredStore: currentStore, now: options.now });
  messages.push(`Certificate: ${selection.certificate.thumbprint} (${selection.certificate.subject}) in store "${selection.certificate.store}", by ${selection.reason}.`);
  plan.hash = selection.certificate.thumbprint;
  plan.store = selection.certificate.store;
  messages.push(...checkServerCertHash({ hash: plan.hash, storeName: plan.store, store: folder, now: options.now, force: options.force }).warnings);
}

function guardRequireWithoutCertificate(r: FtpSslRequest, plan: Plan, currentHash: string, force: boolean, messages: string[]): void {
  const touchesSsl = r.policy !== undefined || r.control !== undefined || r.data !== undefined || r.cert !== undefined;
  const hash = plan.hash ?? currentHash;
  const requires = plan.control !== 'SslAllow' || plan.data === 'SslRequire';
  if (!touchesSsl || hash !== '' || !requires) return;
  const message = `The policy requires SSL (controlChannelPolicy ${plan.control}, dataChannelPolicy ${plan.data}) but no certificate is selected: clients could not connect.`;
  if (!force) {
    throw new AppcmdError('VALUE_INVALID', message, { hints: ['Add /cert:THUMBPRINT or /cert:"CN=host name" /certstore:DIR, or choose /policy:Allow.', 'Nothing was written. Add /force to write it anyway.'] });
  }
  messages.push(`Warning (forced): ${message}`);
}

function write(ssl: ConfigurationElement, r: FtpSslRequest, plan: Plan, messages: string[]): SettingChange[] {
  const changes: SettingChange[] = [];
  const set = (name: string, value: string): void => {
    const before = ssl.getAttribute(name);
    const result = ssl.setAttributeValue(name, value);
    messages.push(...result.notes);
    if (result.changed) changes.push({ attribute: name, before: before.text, inherited: before.source === 'defaultElement', after: result.text });
  };
  if (r.policy !== undefined || r.control !== undefined || r.data !== undefined) {
    set('controlChannelPolicy', plan.control);
    set('dataChannelPolicy', plan.data);
  }
  if (plan.hash === '') clearCertificate(ssl, changes);
  else if (plan.hash !== undefined) set('serverCertHash', plan.hash);
  // The hash and its store are one choice: both are written so that a store inherited from
  // siteDefaults can never silently pair with this site's hash.
  const choosesCertificate = plan.hash !== undefined && plan.hash !== '';
  if (plan.store !== undefined && (choosesCertificate || r.store !== undefined)) set('serverCertStoreName', plan.store);
  if (plan.ssl128 !== undefined) set('ssl128', String(plan.ssl128));
  return changes;
}

/** "Not selected": remove the site's hash, or write an empty one when siteDefaults would supply one. */
function clearCertificate(ssl: ConfigurationElement, changes: SettingChange[]): void {
  const attr = ssl.getAttribute('serverCertHash');
  if (attr.text === '') return;
  const own = ssl.explicitText('serverCertHash') !== undefined;
  if (own) ssl.deleteAttribute('serverCertHash');
  if (ssl.getAttribute('serverCertHash').text !== '') ssl.setAttributeValue('serverCertHash', '');
  changes.push({ attribute: 'serverCertHash', before: attr.text, inherited: attr.source === 'defaultElement', after: '' });
}
