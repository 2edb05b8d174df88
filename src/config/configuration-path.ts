/**
 * Whether a configuration path below MACHINE/WEBROOT/APPHOST exists: IIS maps "Site/app/dir" to a
 * site and to the deepest of its applications that holds the rest, and refuses a path that maps
 * to none ("Unrecognized configuration path", also for a site without a root application) rather
 * than let a <location path> be written for a site that is not there.
 */
import { AppcmdError } from '../errors.js';
import type { ConfigurationElement } from './element.js';
import { configPathOf } from './location.js';

/**
 * The path of the deepest application of `site` that holds `path` (a URL path, any case), if any.
 * appcmd resolves APP and VDIR identifiers within it too.
 */
export function containingApplicationPath(site: ConfigurationElement, path: string): string | undefined {
  const lower = path.toLowerCase();
  let best: string | undefined;
  for (const app of site.getCollection().items()) {
    const appPath = app.getAttribute('path').text;
    const prefix = appPath.toLowerCase();
    const holds = prefix === '/' || lower === prefix || lower.startsWith(`${prefix}/`);
    if (holds && (best === undefined || appPath.length > best.length)) best = appPath;
  }
  return best;
}

/** IIS's text for a configuration path that maps to no site and application. */
export function unrecognizedPath(locationPath: string, hint: string): AppcmdError {
  return new AppcmdError('PATH_NOT_FOUND', `Unrecognized configuration path '${configPathOf(locationPath)}'`, { hints: [hint] });
}

/** Throws PATH_NOT_FOUND unless `locationPath` ("Site" or "Site/app/dir") lies in an application of a site of `sites`. */
export function checkConfigurationPath(sites: ConfigurationElement, locationPath: string): void {
  const slash = locationPath.indexOf('/');
  const siteName = slash < 0 ? locationPath : locationPath.slice(0, slash);
  const site = sites.getCollection().find({ name: siteName });
  if (site === undefined) throw unrecognizedPath(locationPath, `There is no site named "${siteName}" (appcmd list site).`);
  const rest = slash < 0 ? '/' : locationPath.slice(slash);
  if (containingApplicationPath(site, rest) === undefined) {
    throw unrecognizedPath(locationPath, `Site "${site.getAttribute('name').text}" has no application that holds "${rest}" (a site needs <application path="/">).`);
  }
}
