/**
 * Locks across the configuration hierarchy (applicationHost.config → the site's web.config → an
 * application's web.config) on the tree of test/helpers/site-tree.ts: lockAttributes,
 * lockElements, lockAll*Except, lockItem and overrideMode set in a file refuse a write, or a file
 * already written, below it with IIS's text; a refused command writes nothing anywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { appcmd } from '../helpers/cli.js';
import { makeSiteTree, SITE_TREE_APPHOST, type SiteTree } from '../helpers/site-tree.js';

const DIR = '-section:system.webServer/directoryBrowse';
const DOC = '-section:system.webServer/defaultDocument';
const HEADERS = '-section:system.webServer/httpProtocol';

/** applicationHost.config with `extra` inserted at the end (a <location>), and the server level's elements replaced. */
function apphost(replace: Readonly<Record<string, string>> = {}, extra = ''): string {
  let text = SITE_TREE_APPHOST;
  for (const [from, to] of Object.entries(replace)) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  return text.replace('</configuration>', `${extra}</configuration>`);
}

function location(path: string, body: string, attributes = ''): string {
  return `    <location path="${path}"${attributes}>\n        <system.webServer>\n            ${body}\n        </system.webServer>\n    </location>\n`;
}

function webConfig(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n    <system.webServer>\n        ${body}\n    </system.webServer>\n</configuration>\n`;
}

interface Tree extends SiteTree {
  files(): Record<string, string | undefined>;
}

function tree(apphostText: string, siteWebConfig?: string, blogWebConfig?: string): Tree {
  const t = makeSiteTree(apphostText);
  if (siteWebConfig !== undefined) writeFileSync(t.webConfig(t.siteFolder), siteWebConfig);
  if (blogWebConfig !== undefined) writeFileSync(t.webConfig(t.blogFolder), blogWebConfig);
  const all = { apphost: t.apphost, site: t.webConfig(t.siteFolder), blog: t.webConfig(t.blogFolder), archive: t.webConfig(t.archiveFolder), api: t.webConfig(t.apiFolder) };
  return { ...t, files: () => Object.fromEntries(Object.entries(all).map(([k, f]) => [k, existsSync(f) ? readFileSync(f, 'latin1') : undefined])) };
}

/** Runs a command that must be refused with `message` (and the hint), and checks every file is byte-identical. */
function refused(t: Tree, args: readonly string[], message: RegExp, hint: RegExp, code = 33): void {
  const before = t.files();
  const r = appcmd([...args, ...t.args]);
  const label = args.join(' ');
  assert.equal(r.code, code, `${label}: ${r.stderr}`);
  assert.match(r.stderr, message, label);
  assert.match(r.stderr, hint, label);
  assert.deepEqual(t.files(), before, label);
}

const LOCK_VIOLATION = /^ERROR \( message:Lock violation \)\n/;
const SECTION_LOCKED = /^ERROR \( message:This configuration section cannot be used at this path\. This happens when the section is locked at a parent level\. Locking is either by default \(overrideModeDefault="Deny"\), or set explicitly by a location tag with overrideMode="Deny" or the legacy allowOverride="false"\. \)\n/;

test('lockAttributes in applicationHost.config (server level, <location path="Shop">) and in the site\'s web.config refuse a set in an application\'s web.config', () => {
  const trees: Array<[string, Tree, RegExp]> = [
    ['server level', tree(apphost({ '<directoryBrowse enabled="false" />': '<directoryBrowse enabled="false" lockAttributes="showFlags" />' })), /applicationHost\.config, line 46\)/],
    ['<location path="Shop">', tree(apphost({}, location('Shop', '<directoryBrowse lockAttributes="showFlags" />'))), /applicationHost\.config, line 65\)/],
    ['site web.config', tree(SITE_TREE_APPHOST, webConfig('<directoryBrowse lockAttributes="showFlags" />')), /shop\/web\.config, line 4\)/],
    ['lockAllAttributesExcept', tree(SITE_TREE_APPHOST, webConfig('<directoryBrowse lockAllAttributesExcept="enabled" />')), /lockAllAttributesExcept of <directoryBrowse> in .*shop\/web\.config/],
  ];
  for (const [label, t, where] of trees) {
    refused(t, ['set', 'config', 'Shop/blog', DIR, '/showFlags:Time'], LOCK_VIOLATION, new RegExp(`"showFlags" of <directoryBrowse> is locked at a parent level \\(.*${where.source}`));
    // Below the application too, and whichever file of the application's levels is written.
    refused(t, ['set', 'config', 'Shop/blog/archive', DIR, '/showFlags:Time', '/commit:app'], LOCK_VIOLATION, /"showFlags" of <directoryBrowse> is locked/);
    // What the lock leaves open is written, to the application's web.config only.
    const before = t.files();
    const ok = appcmd(['set', 'config', 'Shop/blog', DIR, '/enabled:true', ...t.args]);
    assert.equal(ok.code, 0, `${label}: ${ok.stderr}`);
    const after = t.files();
    assert.deepEqual(Object.keys(after).filter((k) => after[k] !== before[k]), ['blog'], label);
  }
});

test('a lock binds lower files, not lower <location>s of its own file: applicationHost.config may still set the attribute for Shop/blog', () => {
  const t = tree(apphost({ '<directoryBrowse enabled="false" />': '<directoryBrowse enabled="false" lockAttributes="showFlags" />' }));
  const r = appcmd(['set', 'config', 'Shop/blog', DIR, '/showFlags:Time', '/commit:apphost', ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(t.apphost, 'utf8'), /<location path="Shop\/blog">\n {8}<system\.webServer>\n {12}<directoryBrowse showFlags="Time" \/>/);
  // The site's web.config is a lower file: refused there.
  refused(t, ['set', 'config', 'Shop', DIR, '/showFlags:Time'], LOCK_VIOLATION, /"showFlags" of <directoryBrowse> is locked/);
});

test('overrideMode="Deny" (or allowOverride="false") on a <location> binds lower files, not lower <location>s of its own file (applicationHost.config, a web.config)', () => {
  for (const attributes of [' overrideMode="Deny"', ' allowOverride="false"']) {
    const t = tree(apphost({}, location('Shop', '<directoryBrowse />', attributes)));
    const before = t.files();
    const r = appcmd(['set', 'config', 'Shop/blog', DIR, '/showFlags:Time', '/commit:apphost', ...t.args]);
    assert.equal(r.code, 0, `${attributes}: ${r.stderr}`);
    const after = t.files();
    assert.deepEqual(Object.keys(after).filter((k) => after[k] !== before[k]), ['apphost'], attributes);
    assert.match(after['apphost'] ?? '', /<location path="Shop"[^>]*>\n {8}<system\.webServer>\n {12}<directoryBrowse \/>\n {8}<\/system\.webServer>\n {4}<\/location>\n {4}<location path="Shop\/blog">\n {8}<system\.webServer>\n {12}<directoryBrowse showFlags="Time" \/>/, attributes);
    // What it wrote is read at that path and below.
    const list = appcmd(['list', 'config', 'Shop/blog/archive', DIR, '/config:*', ...t.args]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /showFlags="Time"/);
    // The web.config files below the lock are still refused.
    refused(t, ['set', 'config', 'Shop/blog', DIR, '/showFlags:Size'], SECTION_LOCKED, /is locked above MACHINE\/WEBROOT\/APPHOST\/Shop\/blog by <location path="Shop"> in .*applicationHost\.config/);
    refused(t, ['set', 'config', 'Shop', DIR, '/showFlags:Size'], SECTION_LOCKED, /is locked above MACHINE\/WEBROOT\/APPHOST\/Shop by <location path="Shop">/);
  }
  // The same within a web.config: its <location path="" overrideMode="Deny"> lets its own <location path="blog"> set the section.
  const site = tree(SITE_TREE_APPHOST, `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n${location('', '<directoryBrowse />', ' overrideMode="Deny"')}</configuration>\n`);
  const before = site.files();
  const r = appcmd(['set', 'config', 'Shop/blog', DIR, '/showFlags:Time', '/commit:site', ...site.args]);
  assert.equal(r.code, 0, r.stderr);
  const after = site.files();
  assert.deepEqual(Object.keys(after).filter((k) => after[k] !== before[k]), ['site']);
  assert.match(after['site'] ?? '', /<location path="blog">\r?\n\s*<system\.webServer>\r?\n\s*<directoryBrowse showFlags="Time" \/>/);
  assert.equal(appcmd(['list', 'config', 'Shop/blog', DIR, ...site.args]).code, 0);
  refused(site, ['set', 'config', 'Shop/blog', DIR, '/showFlags:Size'], SECTION_LOCKED, /by <location path=""> in .*shop\/web\.config/);
});

test('lockElements above refuse adding, removing and clearing items of the locked element in a lower web.config', () => {
  const trees: Array<[string, Tree]> = [
    ['server level', tree(apphost({ '<defaultDocument enabled="true">': '<defaultDocument enabled="true" lockElements="files">' }))],
    ['<location path="Shop">', tree(apphost({}, location('Shop', '<defaultDocument lockElements="files" />')))],
    ['site web.config', tree(SITE_TREE_APPHOST, webConfig('<defaultDocument lockElements="files" />'))],
    ['lockAllElementsExcept', tree(SITE_TREE_APPHOST, webConfig('<defaultDocument lockAllElementsExcept="" />'))],
  ];
  for (const [label, t] of trees) {
    for (const change of ["/+files.[value='x.htm']", "/-files.[value='default.htm']"]) {
      refused(t, ['set', 'config', 'Shop/blog', DOC, change], LOCK_VIOLATION, /<files> of <defaultDocument> is locked at a parent level \((lockElements|lockAllElementsExcept) of <defaultDocument> in /);
    }
    refused(t, ['clear', 'config', 'Shop/blog', DOC, '/files'], LOCK_VIOLATION, /<files> of <defaultDocument> is locked/);
    // The section's own attributes stay open.
    assert.equal(appcmd(['set', 'config', 'Shop/blog', DOC, '/enabled:false', ...t.args]).code, 0, label);
  }
  // lockElements naming a collection's tag locks that operation only.
  const adds = tree(apphost({ '<files>': '<files lockElements="add">' }));
  refused(adds, ['set', 'config', 'Shop/blog', DOC, "/+files.[value='x.htm']"], LOCK_VIOLATION, /<add> of <files> is locked at a parent level \(lockElements of <files> in .*applicationHost\.config, line 41\)/);
  assert.equal(appcmd(['set', 'config', 'Shop/blog', DOC, "/-files.[value='default.htm']", ...adds.args]).code, 0);
});

test('overrideMode="Deny" and allowOverride="false" on a location above refuse the section in a lower web.config', () => {
  const cases: Array<[string, Tree, RegExp]> = [
    ['overrideMode Deny in applicationHost.config', tree(apphost({}, location('Shop', '<directoryBrowse />', ' overrideMode="Deny"'))), /by <location path="Shop"> in .*applicationHost\.config/],
    ['allowOverride false in applicationHost.config', tree(apphost({}, location('Shop', '<directoryBrowse />', ' allowOverride="false"'))), /by <location path="Shop"> in .*applicationHost\.config/],
    [
      'overrideMode Deny in the site\'s web.config',
      tree(SITE_TREE_APPHOST, `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n${location('', '<directoryBrowse />', ' overrideMode="Deny"')}</configuration>\n`),
      /by <location path=""> in .*shop\/web\.config/,
    ],
  ];
  for (const [, t, hint] of cases) {
    refused(t, ['set', 'config', 'Shop/blog', DIR, '/showFlags:Time'], SECTION_LOCKED, new RegExp(`system\\.webServer/directoryBrowse is locked above MACHINE/WEBROOT/APPHOST/Shop/blog ${hint.source}`));
    refused(t, ['set', 'config', 'Shop/blog/archive', DIR, '/showFlags:Time', '/commit:app'], SECTION_LOCKED, /is locked above/);
  }
});

test('a changed item inherited from a file above is refused: the write would change that file', () => {
  const t = tree(SITE_TREE_APPHOST);
  refused(t, ['set', 'config', 'Shop/blog', HEADERS, "/customHeaders.[name='X-Powered-By'].value:Shop"], /^ERROR \( message:The item changed by "\/customHeaders\.\[name='X-Powered-By'\]\.value:Shop" is inherited from .*applicationHost\.config; changing it here would change that file, not this level\. \)/, /Remove it at this level and add it again/, 50);
  // The way the hint gives: a <remove> and an <add> in the application's web.config.
  const r = appcmd(['set', 'config', 'Shop/blog', HEADERS, "/-customHeaders.[name='X-Powered-By']", "/+customHeaders.[name='X-Powered-By',value='Shop']", ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(t.files()['blog'] ?? '', /<remove name="X-Powered-By" \/>\r?\n\s*<add name="X-Powered-By" value="Shop" \/>/);
});

/** IIS's Configuration error block for `file` at `line`, with `description`. */
function configError(file: string, line: number, description: string): RegExp {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^ERROR \\( message:Configuration error\\nFilename: ${escape(file)}\\nLine Number: ${line}\\nDescription: ${escape(description)}\\n\\. \\)\\n`);
}

const LOCKED_SECTION_TEXT = 'This configuration section cannot be used at this path. This happens when the section is locked at a parent level. Locking is either by default (overrideModeDefault="Deny"), or set explicitly by a location tag with overrideMode="Deny" or the legacy allowOverride="false".';

/** An application's web.config that already breaks a lock above: label, applicationHost.config, the web.config, its section, the line IIS names, the description, the hint. */
const BROKEN_LOCKS: ReadonlyArray<[string, string, string, string, number, string, RegExp]> = [
  ['lockAttributes', apphost({ '<directoryBrowse enabled="false" />': '<directoryBrowse enabled="false" lockAttributes="showFlags" />' }), webConfig('<directoryBrowse showFlags="Time" />'), DIR, 4, 'Lock violation', /"showFlags" of <directoryBrowse> is locked at a parent level \(lockAttributes of <directoryBrowse> in .*applicationHost\.config, line 46\)/],
  ['lockElements', apphost({ '<defaultDocument enabled="true">': '<defaultDocument enabled="true" lockElements="files">' }), webConfig('<defaultDocument>\n            <files>\n                <add value="blog.htm" />\n            </files>\n        </defaultDocument>'), DOC, 5, 'Lock violation', /<files> of <defaultDocument> is locked at a parent level/],
  ['lockItem and <remove>', apphost({ '<add value="default.htm" />': '<add value="default.htm" lockItem="true" />' }), webConfig('<defaultDocument>\n            <files>\n                <remove value="Default.htm" />\n            </files>\n        </defaultDocument>'), DOC, 6, 'Lock violation', /<add value="default\.htm"> is locked at a parent level \(lockItem="true" of <add> in .*applicationHost\.config, line 42\)/],
  ['lockItem and <clear/>', apphost({ '<add value="index.html" />': '<add value="index.html" lockItem="true" />' }), webConfig('<defaultDocument>\n            <files>\n                <clear />\n            </files>\n        </defaultDocument>'), DOC, 6, 'Lock violation', /<add value="index\.html"> is locked at a parent level/],
  ['overrideMode Deny', apphost({}, location('Shop', '<directoryBrowse />', ' overrideMode="Deny"')), webConfig('<directoryBrowse showFlags="Time" />'), DIR, 4, LOCKED_SECTION_TEXT, /is locked above MACHINE\/WEBROOT\/APPHOST\/Shop\/blog by <location path="Shop">/],
];

test('a web.config that already breaks a lock of a file above is IIS\'s Configuration error with its name and line, on reading', () => {
  for (const [label, apphostText, blog, section, line, description, hint] of BROKEN_LOCKS) {
    const t = tree(apphostText, undefined, blog);
    for (const path of ['Shop/blog', 'Shop/blog/archive']) {
      const r = appcmd(['list', 'config', path, section, ...t.args]);
      assert.equal(r.code, 33, `${label} at ${path}: ${r.stderr}`);
      assert.match(r.stderr, configError(t.webConfig(t.blogFolder), line, description), label);
      assert.match(r.stderr, hint, label);
      assert.equal(r.stdout, '', label);
    }
    // The levels above the file still read.
    assert.equal(appcmd(['list', 'config', 'Shop', section, ...t.args]).code, 0, label);
  }
});

test('a write through a web.config that already breaks a lock is refused with the same Configuration error, nothing written; another section of that file is still written', () => {
  for (const [label, apphostText, blog, section, line, description, hint] of BROKEN_LOCKS) {
    const t = tree(apphostText, undefined, blog);
    const error = configError(t.webConfig(t.blogFolder), line, description);
    // An attribute no lock names, at the file's own level, at a <location> in it, in the file below it, and a clear.
    const open = section === DIR ? '/enabled:true' : '/enabled:false';
    for (const args of [
      ['set', 'config', 'Shop/blog', section, open],
      ['set', 'config', 'Shop/blog/archive', section, open, '/commit:app'],
      ['set', 'config', 'Shop/blog/archive', section, open],
      ['clear', 'config', 'Shop/blog', section],
      ['lock', 'config', 'Shop/blog/archive', section, '/commit:app'],
    ]) {
      refused(t, args, error, hint);
    }
    // The lock violation is an error of its section: the other section of the same file is read and written.
    const other = section === DIR ? DOC : DIR;
    assert.equal(appcmd(['list', 'config', 'Shop/blog', other, ...t.args]).code, 0, label);
    const before = t.files();
    const ok = appcmd(['set', 'config', 'Shop/blog', other, other === DIR ? '/enabled:true' : '/enabled:false', ...t.args]);
    assert.equal(ok.code, 0, `${label}: ${ok.stderr}`);
    const after = t.files();
    assert.deepEqual(Object.keys(after).filter((k) => after[k] !== before[k]), ['blog'], label);
    assert.ok((after['blog'] ?? '').startsWith(blog.replace(/\n {4}<\/system\.webServer>[^]*$/, '')), `${label}: the broken section is left as it was`);
  }
});

test('lockItem="true" in applicationHost.config (server level, <location path="Shop">) or the site\'s web.config: the item cannot be removed, cleared or changed in a lower web.config', () => {
  const trees: Array<[string, Tree, string, RegExp]> = [
    ['server level', tree(apphost({ '<add value="default.htm" />': '<add value="default.htm" lockItem="true" />' })), 'default.htm', /applicationHost\.config, line 42\)/],
    ['<location path="Shop">', tree(apphost({}, location('Shop', '<defaultDocument><files><add value="shop.htm" lockItem="true" /></files></defaultDocument>'))), 'shop.htm', /applicationHost\.config, line 65\)/],
    ['site web.config', tree(SITE_TREE_APPHOST, webConfig('<defaultDocument><files><add value="shop.htm" lockItem="true" /></files></defaultDocument>')), 'shop.htm', /shop\/web\.config, line 4\)/],
  ];
  for (const [label, t, value, where] of trees) {
    const hint = new RegExp(`<add value="${value.replace('.', '\\.')}"> is locked at a parent level \\(lockItem="true" of <add> in .*${where.source}; it cannot be removed, cleared or changed here\\.`);
    refused(t, ['set', 'config', 'Shop/blog', DOC, `/-files.[value='${value}']`], LOCK_VIOLATION, hint);
    refused(t, ['clear', 'config', 'Shop/blog', DOC, '/files'], LOCK_VIOLATION, hint);
    refused(t, ['set', 'config', 'Shop/blog', DOC, `/files.[value='${value}'].value:other.htm`], LOCK_VIOLATION, hint);
    refused(t, ['set', 'config', 'Shop/blog/archive', DOC, `/-files.[value='${value}']`, '/commit:app'], LOCK_VIOLATION, hint);
    // Another item is removed as usual, in the application's web.config only.
    const before = t.files();
    const other = value === 'default.htm' ? 'index.html' : 'default.htm';
    const ok = appcmd(['set', 'config', 'Shop/blog', DOC, `/-files.[value='${other}']`, ...t.args]);
    assert.equal(ok.code, 0, `${label}: ${ok.stderr}`);
    const after = t.files();
    assert.deepEqual(Object.keys(after).filter((k) => after[k] !== before[k]), ['blog'], label);
  }
  // Within applicationHost.config a lower <location> is the same level: the item may be removed there.
  const same = tree(apphost({ '<add value="default.htm" />': '<add value="default.htm" lockItem="true" />' }));
  const r = appcmd(['set', 'config', 'Shop/blog', DOC, "/-files.[value='default.htm']", '/commit:apphost', ...same.args]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(same.apphost, 'utf8'), /<location path="Shop\/blog">[^]*<remove value="default\.htm" \/>/);
});

test('install module /lock:true writes lockItem="true" on the server-level entry, which a lower web.config then cannot remove', () => {
  const declared = apphost({
    '<section name="globalModules" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />':
      '<section name="globalModules" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />\n            <section name="modules" allowDefinition="MachineToApplication" overrideModeDefault="Allow" />',
  });
  const t = tree(declared);
  const r = appcmd(['install', 'module', '/name:Guard', '/image:%windir%\\guard.dll', '/lock:true', ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'MODULE object "Guard" added\n');
  const text = readFileSync(t.apphost, 'utf8');
  assert.match(text, /<globalModules>\n {12}<add name="Guard" image="%windir%\\guard\.dll" \/>\n {8}<\/globalModules>/);
  assert.match(text, /<modules>\n {12}<add name="Guard" lockItem="true" \/>\n {8}<\/modules>/);
  refused(t, ['set', 'config', 'Shop/blog', '-section:system.webServer/modules', "/-[name='Guard']"], LOCK_VIOLATION, /<add name="Guard"> is locked at a parent level \(lockItem="true" of <add> in .*applicationHost\.config/);
  refused(t, ['clear', 'config', 'Shop', '-section:system.webServer/modules'], LOCK_VIOLATION, /<add name="Guard"> is locked/);
  // Without the lock the same removal is written to the application's web.config.
  const open = tree(declared);
  assert.equal(appcmd(['install', 'module', '/name:Guard', '/image:%windir%\\guard.dll', ...open.args]).code, 0);
  assert.equal(appcmd(['set', 'config', 'Shop/blog', '-section:system.webServer/modules', "/-[name='Guard']", ...open.args]).code, 0);
  assert.match(open.files()['blog'] ?? '', /<remove name="Guard" \/>/);
});

test('lock/unlock config: applicationHost.config without /commit, the web.config of the level /commit: names with it; every other file byte-identical', () => {
  const changed = (t: Tree, args: readonly string[]): string[] => {
    const before = t.files();
    const r = appcmd([...args, ...t.args]);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    const after = t.files();
    return Object.keys(after).filter((k) => after[k] !== before[k]);
  };
  const plain = tree(SITE_TREE_APPHOST);
  assert.deepEqual(changed(plain, ['lock', 'config', 'Shop', DIR]), ['apphost']);
  assert.match(readFileSync(plain.apphost, 'utf8'), /<location path="Shop" overrideMode="Deny">\n {8}<system\.webServer>\n {12}<directoryBrowse \/>/);

  const site = tree(SITE_TREE_APPHOST, webConfig('<directoryBrowse enabled="true" />'));
  const r = appcmd(['lock', 'config', 'Shop/blog', DIR, '/commit:site', ...site.args]);
  assert.equal(r.stdout, 'Locked section "system.webServer/directoryBrowse" at configuration path "MACHINE/WEBROOT/APPHOST/Shop/blog".\n');
  assert.match(site.files()['site'] ?? '', /<location path="blog" overrideMode="Deny">\n {8}<system\.webServer>\n {12}<directoryBrowse \/>\n {8}<\/system\.webServer>\n {4}<\/location>\n<\/configuration>\n$/);
  assert.equal(site.files()['apphost'], SITE_TREE_APPHOST);
  // The lock binds the application's web.config; unlocking it there again frees it.
  refused(site, ['set', 'config', 'Shop/blog', DIR, '/showFlags:Time'], SECTION_LOCKED, /is locked above MACHINE\/WEBROOT\/APPHOST\/Shop\/blog by <location path="blog"> in .*shop\/web\.config/);
  assert.deepEqual(changed(site, ['unlock', 'config', 'Shop/blog', DIR, '/commit:site']), ['site']);
  assert.deepEqual(changed(site, ['set', 'config', 'Shop/blog', DIR, '/showFlags:Time']), ['blog']);

  // /commit:url at the site is the site's own web.config, for the levels below it.
  const own = tree(SITE_TREE_APPHOST);
  assert.deepEqual(changed(own, ['lock', 'config', 'Shop', DIR, '/commit:url']), ['site']);
  assert.match(own.files()['site'] ?? '', /<location path="" overrideMode="Deny">/);
  refused(own, ['set', 'config', 'Shop/api', DIR, '/enabled:true'], SECTION_LOCKED, /by <location path=""> in .*shop\/web\.config/);

  // A section locked above the web.config cannot be unlocked in it: IIS's text, nothing written.
  refused(tree(SITE_TREE_APPHOST), ['unlock', 'config', 'Shop', '-section:system.webServer/security/authentication/windowsAuthentication', '/commit:site'], SECTION_LOCKED, /overrideModeDefault="Deny"/);
});
