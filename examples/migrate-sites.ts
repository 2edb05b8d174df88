/**
 * Job 3, migrating sites between two files: copy sites from one applicationHost.config into
 * another with their applications, virtual directories, bindings and FTP settings, the application
 * pools they use, and what <location path="site"> blocks set for them (authorization…).
 *
 *   node dist/examples/migrate-sites.js old/applicationHost.config new/applicationHost.config "Site A" "Site B"
 */
import { fileURLToPath } from 'node:url';
import { AppcmdError, ServerManager, copyElement, getApplicationPools, getSites } from 'appcmd-xplat';

/** Copies the named sites; returns notes (anything left behind, and why). Writes once, at the end. */
export function migrateSites(sourcePath: string, targetPath: string, siteNames: readonly string[]): string[] {
  const source = ServerManager.open(sourcePath, { readOnly: true });
  const target = ServerManager.openForWriting(targetPath);
  try {
    const sourceConfig = source.getApplicationHostConfiguration();
    const targetConfig = target.getApplicationHostConfiguration();
    const [fromSites, toSites] = [getSites(source), getSites(target)];
    const [fromPools, toPools] = [getApplicationPools(source), getApplicationPools(target)];
    const notes: string[] = [];
    for (const name of siteNames) {
      const site = fromSites.get(name);
      if (site === undefined) throw new AppcmdError('OBJECT_NOT_FOUND', `Cannot find SITE object with identifier "${name}"`);
      // The site keeps its id unless the target uses it already.
      const copy = toSites.copyFrom(site);
      notes.push(...copy.notes);
      for (const app of site.applications) {
        // The pool may come from the source's applicationDefaults: compare effective values.
        const pool = app.applicationPool;
        const copied = copy.site.applications.get(app.path);
        if (copied !== undefined && copied.applicationPool !== pool) copied.applicationPool = pool;
        const poolDefinition = fromPools.get(pool);
        if (toPools.get(pool) === undefined && poolDefinition !== undefined) toPools.collection.add(poolDefinition.element);
      }
      // Settings of the site's own paths live in <location path="…"> blocks.
      for (const hit of sourceConfig.search({ path: site.name, section: undefined, attribute: undefined })) {
        if (!targetConfig.declarations.has(hit.section.toLowerCase())) {
          notes.push(`${hit.section} (set for "${hit.locationPath}") is not declared in the target's <configSections>; it was copied, declare it there.`);
        }
        notes.push(...copyElement(sourceConfig.getSection(hit.section, hit.locationPath), targetConfig.getSection(hit.section, hit.locationPath)));
      }
    }
    target.commitChanges();
    return notes;
  } finally {
    source.close();
    target.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [from = '', to = '', ...names] = process.argv.slice(2);
  for (const note of migrateSites(from, to, names)) process.stderr.write(`${note}\n`);
}
