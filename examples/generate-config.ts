/**
 * Job 2, generating a config in CI: start from a template (a minimal one below, or your own file)
 * and add one application pool and one site per name. Every value is validated as IIS would
 * validate it, so a bad name fails the build here rather than on the Windows server.
 *
 *   node dist/examples/generate-config.js out/applicationHost.config 25 [template.config]
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ServerManager, getApplicationPools, getSites } from 'appcmd-xplat';

/** The least IIS needs to read sites and pools, with FTP over SSL required for every site. */
export const MINIMAL_TEMPLATE = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
    <configSections>
        <sectionGroup name="system.applicationHost">
            <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
        </sectionGroup>
    </configSections>
    <system.applicationHost>
        <applicationPools>
            <applicationPoolDefaults managedRuntimeVersion="v4.0">
                <processModel identityType="ApplicationPoolIdentity" />
            </applicationPoolDefaults>
        </applicationPools>
        <sites>
            <siteDefaults>
                <ftpServer>
                    <security>
                        <ssl controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire" />
                    </security>
                </ftpServer>
            </siteDefaults>
        </sites>
    </system.applicationHost>
</configuration>
`;

export function generate(outputPath: string, names: readonly string[], templatePath?: string): void {
  if (templatePath === undefined) writeFileSync(outputPath, MINIMAL_TEMPLATE);
  else copyFileSync(templatePath, outputPath);
  const manager = ServerManager.open(outputPath);
  const pools = getApplicationPools(manager);
  const sites = getSites(manager);
  for (const name of names) {
    const pool = pools.add(name, { managedRuntimeVersion: '' });
    // timeSpans read and write as IIS's text ("00:05:00") or, with the Ms accessors, as numbers.
    pool.processModel.idleTimeoutMs = 5 * 60_000;
    sites.add(name, {
      physicalPath: `D:\\sites\\${name}`,
      applicationPool: name,
      bindings: [
        { protocol: 'http', bindingInformation: `*:80:${name}` },
        { protocol: 'ftp', bindingInformation: `*:21:${name}` },
      ],
    });
  }
  manager.commitChanges();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[3] ?? '3');
  generate(process.argv[2] ?? 'applicationHost.config', Array.from({ length: count }, (_, i) => `site${i + 1}.example.com`), process.argv[4]);
}
