/**
 * Effective values through applicationHost.config and the web.config files on the way down, as
 * IIS merges them: apphost's server level and <location>s first, then each web.config (its root,
 * then its own <location>s), each level overriding the one above; <clear/> and <remove/> in a
 * web.config act on what the levels above made.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { ServerManager } from '../../src/config/server-manager.js';
import { parsePhysicalRoots } from '../../src/config/physical-root.js';
import { makeSiteTree, type SiteTree } from '../helpers/site-tree.js';
import { referenceSchemaDir } from '../helpers/paths.js';

function tree(): SiteTree {
  const t = makeSiteTree();
  writeFileSync(
    t.webConfig(t.siteFolder),
    `<configuration>
  <system.webServer>
    <directoryBrowse enabled="false" showFlags="Date" />
  </system.webServer>
  <location path="api">
    <system.webServer>
      <directoryBrowse showFlags="Time" />
    </system.webServer>
  </location>
</configuration>
`,
  );
  writeFileSync(
    t.webConfig(t.blogFolder),
    `<configuration>
  <system.webServer>
    <defaultDocument>
      <files>
        <clear />
        <add value="blog.htm" />
      </files>
    </defaultDocument>
  </system.webServer>
  <location path="archive">
    <system.webServer>
      <directoryBrowse enabled="true" />
    </system.webServer>
  </location>
</configuration>
`,
  );
  writeFileSync(
    t.webConfig(t.apiFolder),
    `<configuration>
  <system.webServer>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
        <add name="X-Api" value="1" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
</configuration>
`,
  );
  return t;
}

function open(t: SiteTree, lock = false): ServerManager {
  return ServerManager.open(t.apphost, { schemaDirs: [referenceSchemaDir], physicalPaths: { roots: parsePhysicalRoots(t.physicalRoots, 'test'), windows: false, env: {} }, lock });
}

const DIR = 'system.webServer/directoryBrowse';

test('attributes: each web.config level overrides the levels above, and a web.config wins over applicationHost.config\'s <location>', () => {
  const m = open(tree());
  const at = (path: string, attr: string) => {
    const a = m.getEffectiveSection(DIR, path).getAttribute(attr);
    return [a.value, a.source];
  };
  assert.deepEqual(at('', 'enabled'), [false, 'explicit']);
  assert.deepEqual(at('Shop', 'showFlags'), ['Date', 'explicit']);
  // <location path="api"> of the site's web.config beats applicationHost.config's <location path="Shop/api">.
  // /api has a web.config of its own (without directoryBrowse): the value is inherited from the site's.
  assert.deepEqual(at('Shop/api', 'showFlags'), ['Time', 'inherited']);
  assert.deepEqual(at('Shop/api', 'enabled'), [false, 'inherited']);
  // The blog's <location path="archive"> sets enabled; showFlags comes from the site root.
  assert.deepEqual(at('Shop/blog/archive', 'enabled'), [true, 'explicit']);
  assert.deepEqual(at('Shop/blog/archive', 'showFlags'), ['Date', 'inherited']);
  assert.deepEqual(at('MACHINE/WEBROOT/APPHOST/shop/BLOG', 'enabled'), [false, 'inherited']);
});

test('collections: <clear/> and <remove/> in a web.config act on the items of the levels above', () => {
  const m = open(tree());
  const files = (path: string) => m.getEffectiveSection('system.webServer/defaultDocument', path).getCollection('files').items().map((i) => i.getAttributeValue('value'));
  assert.deepEqual(files('Shop'), ['default.htm', 'index.html']);
  assert.deepEqual(files('Shop/blog'), ['blog.htm']);
  assert.deepEqual(files('Shop/blog/archive'), ['blog.htm']);
  const headers = (path: string) => m.getEffectiveSection('system.webServer/httpProtocol', path).getCollection('customHeaders').items().map((i) => i.getAttributeValue('name'));
  assert.deepEqual(headers('Shop'), ['X-Powered-By']);
  assert.deepEqual(headers('Shop/api'), ['X-Api']);
  assert.deepEqual(headers('Shop/api/v1'), ['X-Api']);
});

test('list config at a path shows the merged section, /config:* with every effective value', async () => {
  const t = tree();
  const { appcmd } = await import('../helpers/cli.js');
  const r = appcmd(['list', 'config', 'Shop/blog/archive', `-section:${DIR}`, ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '<system.webServer>\n  <directoryBrowse enabled="true" showFlags="Date" />\n</system.webServer>\n');
  const all = appcmd(['list', 'config', 'Shop/blog', '-section:defaultDocument', '/config:*', ...t.args]);
  assert.match(all.stdout, /<files>\n {6}<add value="blog\.htm" \/>\n {4}<\/files>/);
  // Without any mapping, off Windows, only applicationHost.config is read.
  const unmapped = appcmd(['list', 'config', 'Shop/blog/archive', `-section:${DIR}`, `/apphostconfig:${t.apphost}`, t.args[1] ?? '']);
  assert.equal(unmapped.stdout, '<system.webServer>\n  <directoryBrowse enabled="false" />\n</system.webServer>\n');
});

test('getWebConfiguration: a web.config as a Configuration; commitChanges writes that file only', () => {
  const t = tree();
  const apphostBefore = readFileSync(t.apphost, 'utf8');
  const siteBefore = readFileSync(t.webConfig(t.siteFolder), 'utf8');
  const m = open(t, true);
  const blog = m.getWebConfiguration('Shop', '/blog');
  assert.equal(blog.filePath, t.webConfig(t.blogFolder));
  assert.equal(blog.configPath, 'Shop/blog');
  const section = blog.getSection(DIR);
  // Read through the levels above, written at this one.
  assert.equal(section.getAttributeValue('showFlags'), 'Date');
  section.setAttributeValue('showFlags', 'Size');
  blog.getSection(DIR, 'archive').setAttributeValue('enabled', false);
  assert.ok(m.isLocked);
  m.commitChanges();
  assert.equal(m.isLocked, false);
  const text = readFileSync(t.webConfig(t.blogFolder), 'utf8');
  assert.match(text, /<\/defaultDocument>\n {4}<directoryBrowse showFlags="Size" \/>\n {2}<\/system\.webServer>/);
  assert.match(text, /<location path="archive">\n {4}<system\.webServer>\n {6}<directoryBrowse enabled="false" \/>/);
  assert.equal(readFileSync(t.apphost, 'utf8'), apphostBefore);
  assert.equal(readFileSync(t.webConfig(t.siteFolder), 'utf8'), siteBefore);
  // A web.config that does not exist yet reads as IIS's empty document and is created on commit.
  const m2 = open(t, true);
  const images = m2.getWebConfiguration('Shop', 'images');
  assert.equal(images.getSection(DIR).getAttributeValue('showFlags'), 'Date');
  images.getSection(DIR).setAttributeValue('enabled', true);
  m2.commitChanges();
  assert.match(readFileSync(t.webConfig(t.imagesFolder), 'utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\r\n<configuration>\r\n {4}<system\.webServer>\r\n {8}<directoryBrowse enabled="true" \/>/);
});

test('getWebConfiguration refuses what IIS refuses there, and a site that does not exist', () => {
  const m = open(tree());
  assert.throws(() => m.getWebConfiguration('Shop', '/blog/archive').getSection('system.webServer/applicationInitialization'), { code: 'LOCKED' });
  assert.throws(() => m.getWebConfiguration('Shop').getSection('system.webServer/security/authentication/windowsAuthentication'), { code: 'LOCKED' });
  assert.throws(() => m.getWebConfiguration('Nope'), { code: 'OBJECT_NOT_FOUND' });
});
