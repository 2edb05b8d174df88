/**
 * Issue 15, item 5: moving sites between two servers keeps their effective settings.
 * `list site /xml /config:*` | `add site /in` between corpus files, and the recipe of
 * docs/web-config.md ("Moving a site to another server"), run as it is written there with bash on
 * two servers of folders, site and web.config files included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCopy } from '../helpers/cli.js';
import { corpusFile, referenceSchemaDir, repoRoot } from '../helpers/paths.js';
import { makeSiteTree, SITE_TREE_APPHOST } from '../helpers/site-tree.js';
import { tempDir } from '../helpers/temp.js';
import { APPCMD_BIN } from '../reliability/spawn-cli.js';
import { appcmdStdin } from './io-runner.js';

function ok(args: readonly string[], stdin?: string): string {
  const r = appcmdStdin(args, stdin);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The site's views with every effective value: what must be the same on both servers. */
function effectiveViews(site: string): string[][] {
  return [['list', 'site', site, '/config:*'], ['list', 'app', `/site.name:${site}`, '/config:*'], ['list', 'vdir', `/app.name:${site}/`, '/config:*']];
}

// Each pair: a site, the server it comes from, another server it moves to (no site of that id there).
const PAIRS: Array<[string, string, string]> = [
  ['GUAM', '01', '03'],
  ['MvcApplication1', '20', '10'],
  ['GuessMeWeb', '21', '10'],
];

for (const [site, from, to] of PAIRS) {
  test(`list site "${site}" /xml /config:* | add site /in from corpus ${from} to corpus ${to} keeps every effective value`, () => {
    const source = corpusFile(from);
    const target = tempCopy(corpusFile(to));
    ok(['add', 'site', '/in', `/apphostconfig:${target}`], ok(['list', 'site', site, '/xml', '/config:*', `/apphostconfig:${source}`]));
    for (const view of effectiveViews(site)) assert.equal(ok([...view, `/apphostconfig:${target}`]), ok([...view, `/apphostconfig:${source}`]), view.join(' '));
  });
}

test('/config without * copies only what the <site> element holds: where the servers\' siteDefaults differ, the effective values do not survive', () => {
  const source = corpusFile('20');
  const target = tempCopy(corpusFile('10'));
  ok(['add', 'site', '/in', `/apphostconfig:${target}`], ok(['list', 'site', 'MvcApplication1', '/xml', '/config', `/apphostconfig:${source}`]));
  const [view] = effectiveViews('MvcApplication1');
  assert.notEqual(ok([...(view ?? []), `/apphostconfig:${target}`]), ok([...(view ?? []), `/apphostconfig:${source}`]));
});

/** The site tree's applicationHost.config with application pools declared, as IIS's own file has them. */
const WITH_POOLS = SITE_TREE_APPHOST.replace('<section name="sites" ', '<section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />\n            <section name="sites" ');

/** The old server: the site tree with a pool, siteDefaults of its own, and settings in <location> and in web.config files. */
const OLD_APPHOST = WITH_POOLS.replace('<sites>', '<applicationPools>\n            <add name="ShopPool" managedRuntimeVersion="" />\n        </applicationPools>\n        <sites>')
  .replace('<application path="/">', '<application path="/" applicationPool="ShopPool">')
  .replace('        </sites>', '            <siteDefaults>\n                <limits connectionTimeout="00:05:00" />\n            </siteDefaults>\n        </sites>')
  .replace('<directoryBrowse showFlags="Date" />', '<directoryBrowse showFlags="Date" />\n            <httpProtocol>\n                <customHeaders>\n                    <add name="X-Api" value="1" />\n                </customHeaders>\n            </httpProtocol>');

/** The new server: the same server-level settings, no site, IIS's own siteDefaults. */
const NEW_APPHOST = WITH_POOLS.replace(/<sites>[^]*<\/sites>/, '<sites>\n        </sites>').replace(/\s*<location[^]*<\/location>/, '');

const WEB_CONFIGS: Record<string, string> = {
  site: '<configuration>\r\n    <system.webServer>\r\n        <directoryBrowse enabled="true" />\r\n    </system.webServer>\r\n</configuration>\r\n',
  blog: '<configuration>\n  <system.webServer>\n    <defaultDocument>\n      <files>\n        <clear />\n        <add value="blog.htm" />\n      </files>\n    </defaultDocument>\n  </system.webServer>\n  <location path="archive">\n    <system.webServer>\n      <directoryBrowse enabled="false" />\n    </system.webServer>\n  </location>\n</configuration>\n',
  images: '<configuration><system.webServer><defaultDocument enabled="false" /></system.webServer></configuration>',
  api: '<configuration>\n  <system.webServer>\n    <httpProtocol>\n      <customHeaders>\n        <add name="X-Api-Web" value="2" />\n      </customHeaders>\n    </httpProtocol>\n  </system.webServer>\n</configuration>\n',
};

/** The first ```bash block after the recipe's heading in docs/web-config.md, as the reader sees it. */
function recipe(): string {
  const doc = readFileSync(join(repoRoot, 'docs', 'web-config.md'), 'utf8');
  const from = doc.indexOf('## Moving a site to another server');
  const block = /```bash\n([^]*?)```/.exec(doc.slice(from));
  assert.ok(from >= 0 && block?.[1] !== undefined, 'the recipe is in docs/web-config.md');
  return block[1];
}

test('the recipe of docs/web-config.md, run as written, moves a site with its web.config files and keeps every effective value', () => {
  const old = makeSiteTree(OLD_APPHOST);
  const folders = { site: old.siteFolder, blog: old.blogFolder, images: old.imagesFolder, api: old.apiFolder };
  for (const [name, folder] of Object.entries(folders)) writeFileSync(old.webConfig(folder), WEB_CONFIGS[name] ?? '');
  const fresh = tempDir('appcmd-newserver-');
  const [newC, newD] = [join(fresh, 'c'), join(fresh, 'd')];
  for (const f of [newC, newD]) mkdirSync(f);
  const newConfig = join(fresh, 'applicationHost.config');
  writeFileSync(newConfig, NEW_APPHOST);
  const bin = tempDir('appcmd-bin-');
  writeFileSync(join(bin, 'appcmd'), `#!/bin/sh\nexec "${process.execPath}" "${APPCMD_BIN}" "$@"\n`);
  chmodSync(join(bin, 'appcmd'), 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, OLD: old.apphost, NEW: newConfig, OLD_C: join(old.root, 'c'), OLD_D: join(old.root, 'd'), NEW_C: newC, NEW_D: newD };
  delete env['APPCMD_PHYSICALROOT'];
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', recipe()], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, `the recipe failed:\n${r.stdout}\n${r.stderr}`);

  const oldArgs = [`/apphostconfig:${old.apphost}`, `/schemadir:${referenceSchemaDir}`, `/physicalroot:${old.physicalRoots}`];
  const newArgs = [`/apphostconfig:${newConfig}`, `/schemadir:${referenceSchemaDir}`, `/physicalroot:C:=${newC};D:=${newD}`];
  for (const view of [...effectiveViews('Shop'), ['list', 'apppool', 'ShopPool', '/config:*']]) assert.equal(ok([...view, ...newArgs]), ok([...view, ...oldArgs]), view.join(' '));
  for (const path of ['Shop', 'Shop/blog', 'Shop/blog/archive', 'Shop/api', 'Shop/images']) {
    for (const section of ['directoryBrowse', 'defaultDocument', 'httpProtocol']) {
      const view = ['list', 'config', path, `-section:${section}`, '/config:*'];
      assert.equal(ok([...view, ...newArgs]), ok([...view, ...oldArgs]), view.join(' '));
    }
  }
  // Both header sources arrived: the <location> of applicationHost.config and the web.config of /api.
  assert.match(ok(['list', 'config', 'Shop/api', '-section:httpProtocol', ...newArgs]), /X-Api" value="1"[^]*X-Api-Web" value="2"/);
  assert.equal(readFileSync(join(newC, 'sites', 'shop', 'blog', 'web.config'), 'utf8'), WEB_CONFIGS['blog']);
  assert.match(readFileSync(newConfig, 'utf8'), /<location path="Shop\/api">[^]*<add name="X-Api" value="1" \/>/);
});
