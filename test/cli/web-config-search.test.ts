/**
 * `search config` over the whole hierarchy (test/helpers/site-tree.ts): the paths that set a
 * section in applicationHost.config and in every web.config of the sites, named as IIS names
 * them, and never a web.config IIS would not read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd } from '../helpers/cli.js';
import { makeSiteTree, type SiteTree } from '../helpers/site-tree.js';

const ROOT = 'MACHINE/WEBROOT/APPHOST';

/**
 * web.config files at the site root, /blog (with a <location path="archive">), the folder
 * /blog/archive and the virtual directory /images; and one in the site root's own "api" folder,
 * which IIS never reads because the application /api is served from D:\api.
 */
function tree(): SiteTree {
  const t = makeSiteTree();
  writeFileSync(t.webConfig(t.siteFolder), '<configuration>\r\n\t<system.webServer>\r\n\t\t<directoryBrowse enabled="true" />\r\n\t</system.webServer>\r\n</configuration>\r\n');
  writeFileSync(
    t.webConfig(t.blogFolder),
    '<configuration>\n  <system.webServer>\n    <defaultDocument>\n      <files>\n        <add value="blog.htm" />\n      </files>\n    </defaultDocument>\n  </system.webServer>\n' +
      '  <location path="archive">\n    <system.webServer>\n      <directoryBrowse showFlags="Date" />\n    </system.webServer>\n  </location>\n</configuration>\n',
  );
  writeFileSync(t.webConfig(t.archiveFolder), '<configuration>\n  <system.webServer>\n    <defaultDocument enabled="false" />\n  </system.webServer>\n</configuration>\n');
  writeFileSync(t.webConfig(t.imagesFolder), '<configuration>\n  <system.webServer>\n    <directoryBrowse enabled="false" />\n  </system.webServer>\n</configuration>\n');
  const shadowed = join(t.siteFolder, 'api');
  mkdirSync(shadowed);
  writeFileSync(t.webConfig(shadowed), '<configuration>\n  <system.webServer>\n    <directoryBrowse enabled="true" />\n    <defaultDocument enabled="false" />\n  </system.webServer>\n</configuration>\n');
  return t;
}

function lines(...paths: string[]): string {
  return paths.map((p) => `CONFIGSEARCH "${p === '' ? ROOT : `${ROOT}/${p}`}"\n`).join('');
}

test('search config lists the paths set in applicationHost.config and then in each web.config, outermost first', () => {
  const t = tree();
  const dir = appcmd(['search', 'config', '-section:system.webServer/directoryBrowse', ...t.args]);
  assert.equal(dir.code, 0, dir.stderr);
  // Shop/blog/archive is first set by the <location path="archive"> of /blog's web.config.
  assert.equal(dir.stdout, lines('', 'Shop/api', 'Shop', 'Shop/blog/archive', 'Shop/images'));
  const doc = appcmd(['search', 'config', '-section:defaultDocument', ...t.args]);
  assert.equal(doc.stdout, lines('', 'Shop/blog', 'Shop/blog/archive'));
});

test('search config below a path reads the files above it too (a <location> there may name the path), and only reports what is below', () => {
  const t = tree();
  assert.equal(appcmd(['search', 'config', 'Shop/blog', '-section:directoryBrowse', ...t.args]).stdout, lines('Shop/blog/archive'));
  assert.equal(appcmd(['search', 'config', 'MACHINE/WEBROOT/APPHOST/Shop/blog/archive', ...t.args]).stdout, lines('Shop/blog/archive'));
  assert.equal(appcmd(['search', 'config', 'Shop/images', '-section:defaultDocument', ...t.args]).stdout, '');
});

test('search config by attribute and by value looks into the web.config files', () => {
  const t = tree();
  assert.equal(appcmd(['search', 'config', '-section:directoryBrowse', '/enabled:true', ...t.args]).stdout, lines('Shop'));
  assert.equal(appcmd(['search', 'config', '-section:directoryBrowse', '/showFlags', ...t.args]).stdout, lines('Shop/api', 'Shop/blog/archive'));
  assert.equal(appcmd(['search', 'config', '-section:defaultDocument', '/enabled:false', ...t.args]).stdout, lines('Shop/blog/archive'));
  const json = appcmd(['search', 'config', '-section:defaultDocument', '--json', ...t.args]);
  assert.deepEqual(JSON.parse(json.stdout), [`${ROOT}`, `${ROOT}/Shop/blog`, `${ROOT}/Shop/blog/archive`].map((path) => ({ object: 'CONFIGSEARCH', path, sections: ['system.webServer/defaultDocument'] })));
  // Without -section, --json says which sections each path sets.
  const all = JSON.parse(appcmd(['search', 'config', 'Shop/blog', '--json', ...t.args]).stdout) as Array<{ path: string; sections: string[] }>;
  assert.deepEqual(all, [
    { object: 'CONFIGSEARCH', path: `${ROOT}/Shop/blog`, sections: ['system.webServer/defaultDocument'] },
    { object: 'CONFIGSEARCH', path: `${ROOT}/Shop/blog/archive`, sections: ['system.webServer/directoryBrowse', 'system.webServer/defaultDocument'] },
  ]);
});

test('search config without a mapping reads applicationHost.config alone; with a partial mapping an unmapped site is the mapping error', () => {
  const t = tree();
  const apphostOnly = appcmd(['search', 'config', '-section:directoryBrowse', `/apphostconfig:${t.apphost}`, t.args[1] ?? '']);
  assert.equal(apphostOnly.stdout, lines('', 'Shop/api'));
  const partial = appcmd(['search', 'config', '-section:directoryBrowse', `/apphostconfig:${t.apphost}`, t.args[1] ?? '', `/physicalroot:C:=${join(t.root, 'c')}`]);
  assert.equal(partial.code, 50);
  assert.match(partial.stderr, /Cannot find the folder of application "Shop\/api": its physicalPath "D:\\api" is not mapped/);
  assert.equal(partial.stdout, '');
});

test('a broken web.config stops search config with IIS\'s Configuration error block, naming the file and line', () => {
  const t = tree();
  writeFileSync(t.webConfig(t.archiveFolder), '<configuration>\n  <system.webServer>\n</configuration>\n');
  const r = appcmd(['search', 'config', '-section:directoryBrowse', ...t.args]);
  assert.equal(r.code, 13);
  assert.match(r.stderr, new RegExp(`^ERROR \\( message:Configuration error\\nFilename: ${t.webConfig(t.archiveFolder).replace(/[.\\/]/g, '\\$&')}\\nLine Number: 3\\n`));
  assert.equal(r.stdout, '');
});
