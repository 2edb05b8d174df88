import type { ConfigurationElement } from '../config/element.js';

/**
 * How appcmd names the applications and virtual directories of a site: an application is the
 * site name plus its path (`Site/`, `Site/app1`); a virtual directory is its application's name
 * plus its own path, the root one ending in a slash (`Site/`, `Site/app1/`, `Site/app1/images`).
 */
export function applicationName(siteName: string, appPath: string): string {
  return `${siteName}${appPath}`;
}

export function virtualDirectoryName(siteName: string, appPath: string, vdirPath: string): string {
  return appPath === '/' ? `${siteName}${vdirPath}` : `${siteName}${appPath}${vdirPath}`;
}

/** The <application path="/"> of a site, if it has one. */
function rootApplication(site: ConfigurationElement): ConfigurationElement | undefined {
  return site.getCollection().find({ path: '/' });
}

/** The <virtualDirectory path="/"> of a site's root application. */
export function rootVirtualDirectory(site: ConfigurationElement): ConfigurationElement | undefined {
  return rootApplication(site)?.getCollection().find({ path: '/' });
}

