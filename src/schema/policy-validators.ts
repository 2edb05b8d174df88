import { AppcmdError } from '../errors.js';
import { stripThumbprintMarks } from './thumbprint-marks.js';

/** A write-policy rule: the cleaned value to write, and notes on what was changed. */
export interface PolicyResult {
  readonly text: string;
  readonly notes: readonly string[];
}

export type PolicyValidator = (attributeName: string, input: string) => PolicyResult;

function certificateHash(attributeName: string, input: string): PolicyResult {
  const { text, removed } = stripThumbprintMarks(input);
  // An empty hash is how a site says "no certificate" (e.g. to override one from siteDefaults).
  if (text !== '' && !/^[0-9A-Fa-f]{40}$/.test(text)) {
    const bad = [...text].find((c) => !/[0-9A-Fa-f]/.test(c));
    const why =
      bad !== undefined
        ? `"${bad}" (U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) is not a hexadecimal digit`
        : `it has ${text.length} hexadecimal digits`;
    throw new AppcmdError('VALUE_INVALID', `Invalid certificate hash for ${attributeName}: a thumbprint is exactly 40 hexadecimal digits (SHA-1), but ${why}.`, {
      hints: ['Copy the Thumbprint of the certificate (certutil -store My, or Get-ChildItem Cert:\\LocalMachine\\My).'],
    });
  }
  return { text, notes: removed.length === 0 ? [] : [`Note: removed from ${attributeName}: ${removed.join(', ')}.`] };
}

/** IP:port:host, split at the last two colons (an IPv6 address, in brackets, has colons of its own). */
const ADDRESS_FORM = /^(\*|\d{1,3}(?:\.\d{1,3}){3}|\[[^\]]*\]|):([^:]*):([^:]*)$/;
/** What a host header cannot hold: a URL's delimiters, spaces and controls. */
const NOT_IN_HOST = /[\s/\\?#@[\]<>"'%,;:|^`{}]/u;

/**
 * The IP:port:host form of http, https and ftp bindings (`*:80:`, `10.0.0.1:443:www.contoso.com`,
 * `[::1]:21:`; an empty IP part, as IIS Express writes `:8080:localhost`, is every address too): HTTP.sys and the FTP service cannot listen on a port outside 1–65535, an IP
 * address that is not one, or a host header with a URL's delimiters in it. A value that does not
 * start with an IP part is another protocol's (net.tcp `808:*`, net.pipe `*`, msmq `localhost`)
 * and is left to the schema.
 */
function bindingInformation(attributeName: string, input: string): PolicyResult {
  const m = ADDRESS_FORM.exec(input);
  if (m === null) {
    if (/^[^:]*:\d*:[^:]*$/.test(input)) throw invalidBinding(attributeName, input, `"${input.slice(0, input.indexOf(':'))}" is not an IP address: use *, an IPv4 address or an IPv6 address in brackets`);
    return { text: input, notes: [] };
  }
  const [, ip = '', port = '', host = ''] = m;
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw invalidBinding(attributeName, input, `the port "${port}" is not a number from 1 to 65535`);
  if (ip !== '*' && ip !== '' && !validAddress(ip)) throw invalidBinding(attributeName, input, `"${ip}" is not an IP address: use *, an IPv4 address or an IPv6 address in brackets`);
  const bad = NOT_IN_HOST.exec(host)?.[0];
  if (bad !== undefined) throw invalidBinding(attributeName, input, `the host header "${host}" holds ${JSON.stringify(bad)}, which no host name can`);
  return { text: input, notes: [] };
}

function validAddress(ip: string): boolean {
  return ip.startsWith('[') ? isIPv6(ip.slice(1, -1)) : isIPv4(ip);
}

function isIPv4(text: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(text) && text.split('.').every((octet) => Number(octet) <= 255);
}

function isIPv6(text: string): boolean {
  // An IPv4 tail (::ffff:10.0.0.1) stands for the last two groups.
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4 !== null && !isIPv4(v4[2] ?? '')) return false;
  const halves = (v4 === null ? text : `${v4[1] ?? ''}0:0`).split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

function invalidBinding(attributeName: string, input: string, why: string): AppcmdError {
  return new AppcmdError('VALUE_INVALID', `Invalid binding information for ${attributeName}: "${input}": ${why}.`, {
    hints: ['A binding of http, https or ftp is IP:port:host header: *:80:, 10.0.0.1:443:www.contoso.com, [::1]:21: (host header empty for every name).'],
  });
}

/** The validation types that exist only in this tool's write policy (schema/policy/). */
export const POLICY_VALIDATORS: Readonly<Record<string, PolicyValidator>> = { certificateHash, bindingInformation };
