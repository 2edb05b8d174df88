import type { ConfigurationElement } from '../config/element.js';
import { checkServerCertHash, type ServerCertCheckResult } from '../cert/server-cert.js';
import type { CertificateStoreFolder } from '../cert/store-folder.js';

export interface SslElementCheck {
  readonly store: CertificateStoreFolder;
  readonly now: Date;
  readonly force?: boolean;
}

/** Attributes whose write must pass the certificate check (names as in the schema, compared case-insensitively). */
export const CERTIFICATE_ATTRIBUTES: ReadonlySet<string> = new Set(['servercerthash', 'servercertstorename']);

/**
 * The check to run after a write path (set config, set site) changed serverCertHash or
 * serverCertStoreName of an <ssl> element (a site's or siteDefaults'): the effective pair, after
 * the edit, must name a usable certificate of the folder. Throws the refusal unless forced;
 * undefined when no hash is in effect (nothing to check).
 */
export function checkSslElementCertificate(ssl: ConfigurationElement, options: SslElementCheck): ServerCertCheckResult | undefined {
  const hash = String(ssl.getAttribute('serverCertHash').value);
  if (hash === '') return undefined;
  const storeName = String(ssl.getAttribute('serverCertStoreName').value);
  return checkServerCertHash({ hash, storeName, store: options.store, now: options.now, force: options.force });
}
