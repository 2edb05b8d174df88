import { AppcmdError } from '../errors.js';
import type { FtpSslRequest } from '../audit/apply-ssl-settings.js';
import { parseControlPolicy, parseDataPolicy, parsePreset, type ControlPolicy, type DataPolicy, type PolicyPreset } from '../audit/policy-words.js';
import type { FtpSslSettings } from '../audit/settings.js';

/** The certificate list's value for "Not Selected". */
export const NO_CERTIFICATE = '';
/** The list's value for a thumbprint that the certificate folder does not hold (kept as it is). */
export const CURRENT_CERTIFICATE = 'current';

/** What the FTP SSL Settings page submits, read with the same words and texts as `set ftpssl`. */
export interface FtpSslChoices {
  /** A certificate of the folder, none, or the current one left as it is. */
  readonly certificate: { readonly store: string; readonly thumbprint: string } | null | 'current';
  readonly policy: PolicyPreset;
  readonly control: ControlPolicy;
  readonly data: DataPolicy;
  readonly ssl128: boolean;
}

/** The value of a certificate in the page's list: store and thumbprint, both from the folder. */
export function certificateValue(store: string, thumbprint: string): string {
  return `${store}|${thumbprint}`;
}

export function readChoices(form: URLSearchParams): FtpSslChoices {
  const cert = form.get('cert') ?? CURRENT_CERTIFICATE;
  return {
    certificate: cert === CURRENT_CERTIFICATE ? 'current' : cert === NO_CERTIFICATE ? null : splitCertificate(cert),
    policy: parsePreset(required(form, 'policy')),
    control: parseControlPolicy(required(form, 'control')),
    data: parseDataPolicy(required(form, 'data')),
    ssl128: form.get('ssl128') === 'true',
  };
}

function required(form: URLSearchParams, name: string): string {
  const v = form.get(name);
  if (v === null) throw new AppcmdError('BAD_ARGUMENT', `The form has no "${name}" field.`);
  return v;
}

function splitCertificate(value: string): { store: string; thumbprint: string } {
  const bar = value.lastIndexOf('|');
  if (bar <= 0) throw new AppcmdError('BAD_ARGUMENT', `"${value}" is not a certificate of the list.`);
  return { store: value.slice(0, bar), thumbprint: value.slice(bar + 1) };
}

/**
 * The `set ftpssl` request for what the page changed: only settings whose chosen value differs
 * from the effective one go in, so an Apply writes only those (a value inherited from siteDefaults
 * that the user left alone is not copied onto the site). Undefined when nothing changed.
 */
export function requestFor(choices: FtpSslChoices, current: FtpSslSettings): FtpSslRequest | undefined {
  const request: { -readonly [K in keyof FtpSslRequest]: FtpSslRequest[K] } = {};
  const [control, data] = channelsOf(choices);
  if (control !== current.controlChannelPolicy.value || data !== current.dataChannelPolicy.value) {
    if (choices.policy === 'Custom') Object.assign(request, { policy: 'Custom', control, data });
    else request.policy = choices.policy;
  }
  const c = choices.certificate;
  if (c === null && current.serverCertHash.value !== '') request.cert = null;
  else if (c !== null && c !== 'current') {
    const sameHash = c.thumbprint.toUpperCase() === current.serverCertHash.value.toUpperCase();
    const sameStore = c.store.toLowerCase() === current.serverCertStoreName.value.toLowerCase();
    if (!sameHash) request.cert = c.thumbprint;
    if (!sameHash || !sameStore) request.store = c.store;
  }
  if (String(choices.ssl128) !== current.ssl128.value) request.ssl128 = choices.ssl128;
  return Object.keys(request).length === 0 ? undefined : request;
}

/** Allow and Require set both channels, whatever the Advanced dialog shows. */
function channelsOf(choices: FtpSslChoices): [ControlPolicy, DataPolicy] {
  if (choices.policy === 'Allow') return ['SslAllow', 'SslAllow'];
  if (choices.policy === 'Require') return ['SslRequire', 'SslRequire'];
  return [choices.control, choices.data];
}
