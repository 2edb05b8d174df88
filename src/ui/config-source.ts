import { AppcmdError } from '../errors.js';
import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import { ServerManager, type OpenOptions } from '../config/server-manager.js';
import type { CertificateStoreFolder } from '../cert/store-folder.js';
import { SITES_SECTION } from '../config/apphost-sections.js';
import { siteNotFound } from '../audit/sites.js';
import type { FileStamp } from '../store/config-file.js';

/** What the server works on, fixed when it starts: the browser never names a file or a folder. */
export interface UiConfigSource {
  /** The applicationHost.config to show and edit. */
  readonly path: string;
  /** Schema and validation options, as the CLI passes them (schemaDirs, allowPlaintextSecrets…). */
  readonly open?: Omit<OpenOptions, 'lock' | 'readOnly'>;
  /** How long an Apply waits for another writer's lock (the CLI's /locktimeout:), in ms. */
  readonly lockTimeoutMs?: number;
  /** Opens the certificate folder (/certstore:); called for every page, so new files show up. */
  readonly certStore?: () => CertificateStoreFolder;
  /** The clock for certificate validity (tests pin it). */
  readonly now?: () => Date;
}

/** The site the FTP SSL Settings page is for, or the defaults of every site. */
export type PageTarget = { readonly kind: 'site'; readonly name: string } | { readonly kind: 'siteDefaults' };

export function targetLabel(target: PageTarget): string {
  return target.kind === 'site' ? target.name : 'siteDefaults';
}

export function readConfiguration(source: UiConfigSource): Configuration {
  return ServerManager.open(source.path, { ...source.open, readOnly: true }).getApplicationHostConfiguration();
}

export function openCertStore(source: UiConfigSource): CertificateStoreFolder | undefined {
  return source.certStore?.();
}

export function nowOf(source: UiConfigSource): Date {
  return source.now?.() ?? new Date();
}

/**
 * The version of the file a page was made from. An Apply carries it back; a file whose version
 * differs was changed since the page was loaded (another tab, appcmd, an editor) and is not written.
 */
export function fileVersion(config: Configuration): string {
  const s: FileStamp | undefined = config.file.stamp;
  // Only a web.config can be missing when read; the UI opens applicationHost.config, which exists.
  if (s === undefined) return 'new';
  return `${s.size.toString(36)}-${s.mtimeNs.toString(36)}-${s.ino.toString(36)}`;
}

/** The site element (appcmd's not-found error when there is none) or siteDefaults. */
export function targetElement(config: Configuration, target: PageTarget): ConfigurationElement {
  const sites = config.getSection(SITES_SECTION).getCollection();
  if (target.kind === 'siteDefaults') {
    const element = sites.defaultElement;
    if (element === undefined) throw new AppcmdError('UNKNOWN_ELEMENT', 'The schema of the sites section has no siteDefaults element.');
    return element;
  }
  const site = sites.find({ name: target.name });
  if (site === undefined) throw siteNotFound(target.name, sites.items());
  return site;
}
