/**
 * The typed views, reached from a Configuration or a ServerManager as MWA reaches them from its
 * ServerManager (Sites, SiteDefaults, ApplicationPools…). Each call wraps the live elements: views
 * hold nothing, so two views of one site always agree.
 */
import { APPLICATION_POOLS_SECTION, SITES_SECTION } from '../apphost-sections.js';
import type { Configuration } from '../configuration.js';
import type { ServerManager } from '../server-manager.js';
import { ApplicationPoolCollection, ApplicationPoolSettings } from './application-pools.js';
import { ApplicationSettings, VirtualDirectorySettings } from './applications.js';
import { SiteCollection, SiteSettings } from './sites.js';

/** Either the opened configuration or the manager that opened it. */
export type ConfigurationSource = Configuration | ServerManager;

function configurationOf(source: ConfigurationSource): Configuration {
  return 'getApplicationHostConfiguration' in source ? source.getApplicationHostConfiguration() : source;
}

/** MWA's ServerManager.Sites. */
export function getSites(source: ConfigurationSource): SiteCollection {
  return new SiteCollection(configurationOf(source).getSection(SITES_SECTION).getCollection());
}

/** MWA's ServerManager.SiteDefaults: what every site inherits unless it sets its own. */
export function getSiteDefaults(source: ConfigurationSource): SiteSettings {
  return new SiteSettings(configurationOf(source).getSection(SITES_SECTION).getChildElement('siteDefaults'));
}

/** MWA's ServerManager.ApplicationDefaults (section level; a site may override them). */
export function getApplicationDefaults(source: ConfigurationSource): ApplicationSettings {
  return new ApplicationSettings(configurationOf(source).getSection(SITES_SECTION).getChildElement('applicationDefaults'));
}

/** MWA's ServerManager.VirtualDirectoryDefaults (section level). */
export function getVirtualDirectoryDefaults(source: ConfigurationSource): VirtualDirectorySettings {
  return new VirtualDirectorySettings(configurationOf(source).getSection(SITES_SECTION).getChildElement('virtualDirectoryDefaults'));
}

/** MWA's ServerManager.ApplicationPools. */
export function getApplicationPools(source: ConfigurationSource): ApplicationPoolCollection {
  return new ApplicationPoolCollection(configurationOf(source).getSection(APPLICATION_POOLS_SECTION).getCollection());
}

/** MWA's ServerManager.ApplicationPoolDefaults. */
export function getApplicationPoolDefaults(source: ConfigurationSource): ApplicationPoolSettings {
  return new ApplicationPoolSettings(configurationOf(source).getSection(APPLICATION_POOLS_SECTION).getChildElement('applicationPoolDefaults'));
}

export { ElementView, CollectionView } from './element-view.js';
export { Site, SiteSettings, SiteCollection, type NewSite, type CopyOptions, type SiteCopy } from './sites.js';
export { Binding, BindingCollection, type BindingSpec } from './bindings.js';
export {
  Application,
  ApplicationCollection,
  ApplicationSettings,
  VirtualDirectory,
  VirtualDirectoryCollection,
  VirtualDirectorySettings,
  type NewApplication,
} from './applications.js';
export { ApplicationPool, ApplicationPoolCollection, ApplicationPoolSettings, ProcessModel, type NewApplicationPool } from './application-pools.js';
export { FtpServer, FtpSecurity, FtpSsl } from './ftp.js';
export * from './enums.js';
export { timeSpanToMilliseconds, millisecondsToTimeSpan } from './values.js';
