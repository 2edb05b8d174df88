import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from '../../src/config/configuration.js';
import { ServerManager } from '../../src/config/server-manager.js';
import { tempDir } from '../helpers/temp.js';

/** One site of a generated test configuration. */
export interface SiteSpec {
  readonly name: string;
  readonly bindings?: readonly string[];
  /** Attributes of <ssl>; no <ftpServer> element at all when absent. */
  readonly ssl?: Readonly<Record<string, string>>;
  readonly sslClientCertificates?: Readonly<Record<string, string>>;
  readonly clientCertAuthentication?: boolean;
}

export interface ConfigSpec {
  readonly sites: readonly SiteSpec[];
  readonly siteDefaultsSsl?: Readonly<Record<string, string>>;
}

const attrs = (a: Readonly<Record<string, string>>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');

function ftpServer(s: SiteSpec, indent: string): string[] {
  if (s.ssl === undefined && s.sslClientCertificates === undefined && s.clientCertAuthentication === undefined) return [];
  const i = (n: number): string => indent + '    '.repeat(n);
  const lines = [`${i(0)}<ftpServer>`, `${i(1)}<security>`];
  if (s.ssl !== undefined) lines.push(`${i(2)}<ssl${attrs(s.ssl)} />`);
  if (s.sslClientCertificates !== undefined) lines.push(`${i(2)}<sslClientCertificates${attrs(s.sslClientCertificates)} />`);
  if (s.clientCertAuthentication !== undefined) {
    lines.push(`${i(2)}<authentication>`, `${i(3)}<clientCertAuthentication enabled="${s.clientCertAuthentication}" />`, `${i(2)}</authentication>`);
  }
  lines.push(`${i(1)}</security>`, `${i(0)}</ftpServer>`);
  return lines;
}

/** A small applicationHost.config with the given sites, written to a fresh temporary folder. */
export function writeFtpConfig(spec: ConfigSpec): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<configuration>', '    <system.applicationHost>', '        <sites>'];
  spec.sites.forEach((s, n) => {
    lines.push(`            <site name="${s.name}" id="${n + 1}">`, '                <bindings>');
    for (const b of s.bindings ?? ['ftp/*:21:']) {
      const [protocol, info] = b.split('/');
      lines.push(`                    <binding protocol="${protocol}" bindingInformation="${info}" />`);
    }
    lines.push('                </bindings>', ...ftpServer(s, '                '), '            </site>');
  });
  if (spec.siteDefaultsSsl !== undefined) {
    lines.push('            <siteDefaults>', ...ftpServer({ name: '', ssl: spec.siteDefaultsSsl }, '                '), '            </siteDefaults>');
  }
  lines.push('        </sites>', '    </system.applicationHost>', '</configuration>', '');
  const dir = tempDir('appcmd-audit-');
  const file = join(dir, 'applicationHost.config');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

export function openConfig(file: string): Configuration {
  return ServerManager.open(file).getApplicationHostConfiguration();
}

/** A thumbprint-shaped hash that no certificate folder holds. */
export const SOME_HASH = '57686F6120447564652C2049495320526F636B73';
