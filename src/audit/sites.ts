import { AppcmdError } from '../errors.js';
import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import { SITES_SECTION } from '../config/apphost-sections.js';
import { ftpBindings } from './bindings.js';

/** A site the FTP audit looks at: one with an ftp binding or an <ftpServer> element. */
export function isFtpSite(site: ConfigurationElement): boolean {
  return ftpBindings(site).length > 0 || site.getChildElement('ftpServer').isPresent;
}

/** The sites to audit: the one named (appcmd's not-found error when absent), else every FTP site. */
export function sitesToAudit(config: Configuration, name: string | undefined): ConfigurationElement[] {
  const collection = config.getSection(SITES_SECTION).getCollection();
  if (name === undefined) return collection.items().filter(isFtpSite);
  const site = collection.find({ name });
  if (site === undefined) throw siteNotFound(name, collection.items());
  return [site];
}

export function siteNotFound(name: string, sites: readonly ConfigurationElement[]): AppcmdError {
  const ftp = sites.filter(isFtpSite).map((s) => s.getAttribute('name').text);
  return new AppcmdError('OBJECT_NOT_FOUND', `Cannot find SITE object with identifier "${name}".`, {
    hints: ftp.length > 0 ? [`FTP sites in this file: ${ftp.join(', ')}`] : [],
  });
}
