import { AppcmdError } from '../errors.js';
import type { ConfigurationElement } from '../config/element.js';
import type { BindingSpec } from '../config/views/bindings.js';

/** Ports a URL may leave out, per scheme; other protocols (net.tcp, ...) have no URL form. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ftp: 21, ftps: 990 };

/** The effective bindings of a site, in collection order. */
export function siteBindings(site: ConfigurationElement): BindingSpec[] {
  const bindings = site.getChildElement('bindings').getCollection();
  return bindings.items().map((b) => ({
    protocol: b.getAttribute('protocol').text,
    bindingInformation: b.getAttribute('bindingInformation').text,
  }));
}

/** appcmd's `bindings:` text: `http/*:80:,https/*:443:`. */
export function formatBindings(bindings: readonly BindingSpec[]): string {
  return bindings.map((b) => `${b.protocol}/${b.bindingInformation}`).join(',');
}

/**
 * appcmd's /bindings: value: comma-separated `protocol/bindingInformation` items, or URLs
 * (`ftp://*:21`, `http://www.contoso.com`), which scripts pass and appcmd accepts.
 */
export function parseBindings(text: string): BindingSpec[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => parseBinding(part.trim()));
}

function parseBinding(part: string): BindingSpec {
  const url = /^([A-Za-z][A-Za-z0-9.+-]*):\/\/(.*)$/.exec(part);
  if (url !== null) return fromUrl(part, (url[1] ?? '').toLowerCase(), url[2] ?? '');
  const slash = part.indexOf('/');
  if (slash > 0 && slash < part.length - 1) return { protocol: part.slice(0, slash), bindingInformation: part.slice(slash + 1) };
  throw invalidBinding(part);
}

/** `http://host:port/` → ip:port:host, where a host that is `*` or an IP address is the IP part. */
function fromUrl(part: string, protocol: string, rest: string): BindingSpec {
  const authority = rest.replace(/\/.*$/, '');
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]*)(?::(\d+))?$/.exec(authority);
  if (m === null) throw invalidBinding(part);
  const host = m[1] ?? '';
  const port = m[2] !== undefined ? Number(m[2]) : DEFAULT_PORTS[protocol];
  if (host === '' || port === undefined || port < 1 || port > 65535) throw invalidBinding(part);
  const isAddress = host === '*' || host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  return { protocol, bindingInformation: isAddress ? `${host}:${port}:` : `*:${port}:${host}` };
}

function invalidBinding(part: string): AppcmdError {
  return new AppcmdError('VALUE_INVALID', `Invalid binding "${part}".`, {
    hints: ['Write protocol/bindingInformation (http/*:80:, https/10.0.0.1:443:www.contoso.com) or a URL (ftp://*:21, http://www.contoso.com); separate several with commas.'],
  });
}

/** Replaces every binding of a site (appcmd `set site /bindings:…`); false when they were already so. */
export function replaceBindings(site: ConfigurationElement, bindings: readonly BindingSpec[]): boolean {
  const current = siteBindings(site);
  const same = current.length === bindings.length && current.every((b, i) => sameBinding(b, bindings[i]));
  if (same) return false;
  const collection = site.getChildElement('bindings').getCollection();
  collection.clear();
  for (const b of bindings) collection.add({ protocol: b.protocol, bindingInformation: b.bindingInformation });
  return true;
}

function sameBinding(a: BindingSpec, b: BindingSpec | undefined): boolean {
  return b !== undefined && a.protocol.toLowerCase() === b.protocol.toLowerCase() && a.bindingInformation.toLowerCase() === b.bindingInformation.toLowerCase();
}

/** The same set of bindings, whatever the order. */
export function sameBindingSet(a: readonly BindingSpec[], b: readonly BindingSpec[]): boolean {
  const key = (x: BindingSpec): string => `${x.protocol.toLowerCase()}/${x.bindingInformation.toLowerCase()}`;
  const sa = new Set(a.map(key));
  return a.length === b.length && b.every((x) => sa.has(key(x)));
}
