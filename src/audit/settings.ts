import type { ConfigurationElement } from '../config/element.js';
import type { ValueSource } from '../config/value-types.js';

/** One effective value and where it came from, for the audit's "effective settings" view. */
export interface Setting {
  readonly value: string;
  readonly source: ValueSource;
  /** The line of the attribute that supplies it (the site's or siteDefaults'); undefined for schema defaults. */
  readonly line: number | undefined;
}

/** The FTP-over-SSL settings of a site (or siteDefaults) as IIS computes them: site → siteDefaults → schema default. */
export interface FtpSslSettings {
  readonly controlChannelPolicy: Setting;
  readonly dataChannelPolicy: Setting;
  readonly serverCertHash: Setting;
  readonly serverCertStoreName: Setting;
  readonly ssl128: Setting;
  readonly clientCertificatePolicy: Setting;
  readonly validationFlags: Setting;
  readonly clientCertAuthentication: Setting;
}

/** Property paths below a site, as appcmd writes them (ftpServer.security.ssl.…). */
export const SETTING_PATHS: Readonly<Record<keyof FtpSslSettings, string>> = {
  controlChannelPolicy: 'ftpServer.security.ssl.controlChannelPolicy',
  dataChannelPolicy: 'ftpServer.security.ssl.dataChannelPolicy',
  serverCertHash: 'ftpServer.security.ssl.serverCertHash',
  serverCertStoreName: 'ftpServer.security.ssl.serverCertStoreName',
  ssl128: 'ftpServer.security.ssl.ssl128',
  clientCertificatePolicy: 'ftpServer.security.sslClientCertificates.clientCertificatePolicy',
  validationFlags: 'ftpServer.security.sslClientCertificates.validationFlags',
  clientCertAuthentication: 'ftpServer.security.authentication.clientCertAuthentication.enabled',
};

/** The <ssl> element of a site or of siteDefaults. */
export function sslElement(siteOrDefaults: ConfigurationElement): ConfigurationElement {
  return siteOrDefaults.getChildElement('ftpServer').getChildElement('security').getChildElement('ssl');
}

export function readFtpSslSettings(siteOrDefaults: ConfigurationElement): FtpSslSettings {
  const out: Partial<Record<keyof FtpSslSettings, Setting>> = {};
  for (const [key, path] of Object.entries(SETTING_PATHS) as [keyof FtpSslSettings, string][]) {
    const parts = path.split('.');
    const attribute = parts.pop() ?? '';
    let element = siteOrDefaults;
    for (const p of parts) element = element.getChildElement(p);
    out[key] = readSetting(element, attribute);
  }
  return out as FtpSslSettings;
}

function readSetting(element: ConfigurationElement, name: string): Setting {
  const attr = element.getAttribute(name);
  // The typed value gives canonical names ("sslallow" written in the file reads as SslAllow).
  return { value: String(attr.value), source: attr.source, line: supplierLine(element, attr.schema?.name ?? name) };
}

/** The line of the explicit attribute that gives the effective value: this element's, or its defaults'. */
function supplierLine(element: ConfigurationElement, name: string): number | undefined {
  for (let e: ConfigurationElement | undefined = element; e !== undefined; e = e.defaults) {
    if (e.explicitText(name) !== undefined) return e.document.attributeLine(e.node, name);
  }
  return undefined;
}
