import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';
import { referenceSchemaDir } from './paths.js';

/**
 * A server on disk: applicationHost.config with one site, "Shop" (C:\sites\shop), two applications,
 * /blog (a folder of the site, C:\sites\shop\blog) and /api (D:\api), a virtual directory /images
 * (C:\media\images) and the folder /blog/archive; drives C: and D: mapped to folders of a temp tree.
 * The section declarations are IIS's own for the sections the tests use.
 */
export interface SiteTree {
  readonly root: string;
  readonly apphost: string;
  /** The switches every command needs: the file, the schema, the mapping. */
  readonly args: readonly string[];
  readonly physicalRoots: string;
  readonly siteFolder: string;
  readonly blogFolder: string;
  readonly apiFolder: string;
  readonly imagesFolder: string;
  readonly archiveFolder: string;
  /** Where a web.config of a folder is. */
  webConfig(folder: string): string;
}

export const SITE_TREE_APPHOST = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
    <configSections>
        <sectionGroup name="system.applicationHost">
            <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
        </sectionGroup>
        <sectionGroup name="system.webServer">
            <section name="defaultDocument" overrideModeDefault="Allow" />
            <section name="directoryBrowse" overrideModeDefault="Allow" />
            <section name="globalModules" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="httpProtocol" overrideModeDefault="Allow" />
            <section name="applicationInitialization" allowDefinition="MachineToApplication" overrideModeDefault="Allow" />
            <sectionGroup name="security">
                <sectionGroup name="authentication">
                    <section name="windowsAuthentication" overrideModeDefault="Deny" />
                </sectionGroup>
            </sectionGroup>
        </sectionGroup>
    </configSections>
    <system.applicationHost>
        <sites>
            <site name="Shop" id="1">
                <application path="/">
                    <virtualDirectory path="/" physicalPath="%SystemDrive%\\sites\\shop" />
                    <virtualDirectory path="/images" physicalPath="C:\\media\\images" />
                </application>
                <application path="/blog">
                    <virtualDirectory path="/" physicalPath="C:\\sites\\shop\\blog" />
                </application>
                <application path="/api">
                    <virtualDirectory path="/" physicalPath="D:\\api" />
                </application>
                <bindings>
                    <binding protocol="http" bindingInformation="*:80:" />
                </bindings>
            </site>
        </sites>
    </system.applicationHost>
    <system.webServer>
        <defaultDocument enabled="true">
            <files>
                <add value="default.htm" />
                <add value="index.html" />
            </files>
        </defaultDocument>
        <directoryBrowse enabled="false" />
        <httpProtocol>
            <customHeaders>
                <add name="X-Powered-By" value="ASP.NET" />
            </customHeaders>
        </httpProtocol>
        <security>
            <authentication>
                <windowsAuthentication enabled="false" />
            </authentication>
        </security>
    </system.webServer>
    <location path="Shop/api">
        <system.webServer>
            <directoryBrowse showFlags="Date" />
        </system.webServer>
    </location>
</configuration>
`;

export function makeSiteTree(apphostText = SITE_TREE_APPHOST): SiteTree {
  const root = tempDir('appcmd-sitetree-');
  const c = join(root, 'c');
  const d = join(root, 'd');
  const siteFolder = join(c, 'sites', 'shop');
  const blogFolder = join(siteFolder, 'blog');
  const archiveFolder = join(blogFolder, 'archive');
  const apiFolder = join(d, 'api');
  const imagesFolder = join(c, 'media', 'images');
  for (const f of [archiveFolder, apiFolder, imagesFolder]) mkdirSync(f, { recursive: true });
  const apphost = join(root, 'applicationHost.config');
  writeFileSync(apphost, apphostText);
  const physicalRoots = `C:=${c};D:=${d}`;
  return {
    root,
    apphost,
    physicalRoots,
    args: [`/apphostconfig:${apphost}`, `/schemadir:${referenceSchemaDir}`, `/physicalroot:${physicalRoots}`],
    siteFolder,
    blogFolder,
    apiFolder,
    imagesFolder,
    archiveFolder,
    webConfig: (folder) => join(folder, 'web.config'),
  };
}
