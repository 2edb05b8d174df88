import type { ConfigurationElement } from '../config/element.js';
import type { BindingSpec } from '../config/views/bindings.js';

/** An FTP binding of a site: "*:21:" → port 21. */
export interface FtpBinding extends BindingSpec {
  /** Undefined when the binding information does not parse (IIS would refuse it anyway). */
  readonly port: number | undefined;
  readonly line: number | undefined;
}

/** The port whose listener speaks TLS from the first byte: implicit FTPS (RFC 4217 predecessor, IIS docs). */
export const IMPLICIT_FTPS_PORT = 990;

export function ftpBindings(site: ConfigurationElement): FtpBinding[] {
  const bindings = site.getChildElement('bindings');
  if (!bindings.isPresent) return [];
  return bindings
    .getCollection()
    .items()
    .filter((b) => b.getAttribute('protocol').text.toLowerCase() === 'ftp')
    .map((b) => {
      const info = b.getAttribute('bindingInformation').text;
      return { protocol: b.getAttribute('protocol').text, bindingInformation: info, port: portOf(info), line: b.line };
    });
}

/** "IP:port:host", where IP may be an IPv6 literal in brackets. */
export function portOf(bindingInformation: string): number | undefined {
  const m = /^(.*):(\d{1,5}):([^:]*)$/.exec(bindingInformation);
  if (m === null) return undefined;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? port : undefined;
}
