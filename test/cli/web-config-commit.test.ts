/**
 * Commit levels on a tree of folders (test/helpers/site-tree.ts): every level writes its own file
 * and no other, a missing web.config is created as IIS starts one, an existing one keeps every
 * byte it does not change, and what IIS refuses (allowDefinition, locks, a broken file) writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { appcmd } from '../helpers/cli.js';
import { makeSiteTree, type SiteTree } from '../helpers/site-tree.js';
import { NEW_CONFIG_TEXT } from '../../src/store/config-file.js';

const SITE_WEB_CONFIG = '<?xml version="1.0" encoding="utf-8"?>\r\n<!-- the shop -->\r\n<configuration>\r\n\t<system.webServer>\r\n\t\t<directoryBrowse enabled=\'false\' showFlags="Date"/>\r\n\t</system.webServer>\r\n</configuration>';
const BLOG_WEB_CONFIG = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
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
`;

/** The tree with web.config files at the site root and in /blog (none in /api, /images, /blog/archive). */
function tree(): SiteTree {
  const t = makeSiteTree();
  writeFileSync(t.webConfig(t.siteFolder), SITE_WEB_CONFIG);
  writeFileSync(t.webConfig(t.blogFolder), BLOG_WEB_CONFIG);
  return t;
}

function files(t: SiteTree): Record<string, string | undefined> {
  const all = { apphost: t.apphost, site: t.webConfig(t.siteFolder), blog: t.webConfig(t.blogFolder), archive: t.webConfig(t.archiveFolder), api: t.webConfig(t.apiFolder), images: t.webConfig(t.imagesFolder) };
  return Object.fromEntries(Object.entries(all).map(([k, f]) => [k, existsSync(f) ? readFileSync(f, 'latin1') : undefined]));
}

/** Runs a command on a fresh tree; the files it changed, by name, and the result. */
function change(args: readonly string[]): { changed: string[]; after: Record<string, string | undefined>; stdout: string; code: number; stderr: string } {
  const t = tree();
  const before = files(t);
  const r = appcmd([...args, ...t.args]);
  const after = files(t);
  return { changed: Object.keys(after).filter((k) => after[k] !== before[k]), after, stdout: r.stdout, code: r.code, stderr: r.stderr };
}

const DIR = '-section:system.webServer/directoryBrowse';

test('each commit level writes its own file and leaves every other one byte-identical', () => {
  const cases: Array<[string[], string, string | RegExp, string]> = [
    [['Shop/blog'], 'blog', /<configuration>\n {4}<system\.webServer>\n {8}<defaultDocument>[^]*<directoryBrowse showFlags="Time" \/>\n {4}<\/system\.webServer>\n {4}<location path="archive">/, 'MACHINE/WEBROOT/APPHOST/Shop/blog'],
    [['Shop/blog', '/commit:url'], 'blog', /<directoryBrowse showFlags="Time" \/>/, 'MACHINE/WEBROOT/APPHOST/Shop/blog'],
    [['Shop/blog', '/commit:site'], 'site', /<\/system\.webServer>\r\n\t<location path='blog'>\r\n\t\t<system\.webServer>\r\n\t\t\t<directoryBrowse showFlags='Time'\/>\r\n\t\t<\/system\.webServer>\r\n\t<\/location>\r\n<\/configuration>$/, 'MACHINE/WEBROOT/APPHOST/Shop'],
    [['Shop/blog/archive', '/commit:app'], 'blog', /<location path="archive">\n {8}<system\.webServer>\n {12}<directoryBrowse enabled="true" showFlags="Time" \/>/, 'MACHINE/WEBROOT/APPHOST/Shop/blog'],
    [['Shop/blog/archive', '/commit:MACHINE/WEBROOT/APPHOST/Shop/blog'], 'blog', /<directoryBrowse enabled="true" showFlags="Time" \/>/, 'MACHINE/WEBROOT/APPHOST/Shop/blog'],
    [['Shop/blog/archive', '/commit:parent'], 'blog', /<location path="archive">/, 'MACHINE/WEBROOT/APPHOST/Shop/blog'],
    [['Shop/api', '/commit:Shop'], 'site', /<location path='api'>/, 'MACHINE/WEBROOT/APPHOST/Shop'],
    [['Shop/blog', '/commit:apphost'], 'apphost', /<location path="Shop\/blog">\n {8}<system\.webServer>\n {12}<directoryBrowse showFlags="Time" \/>/, 'MACHINE/WEBROOT/APPHOST'],
    [['Shop/api'], 'api', NEW_CONFIG_TEXT.replace('</configuration>', '    <system.webServer>\r\n        <directoryBrowse showFlags="Time" />\r\n    </system.webServer>\r\n</configuration>'), 'MACHINE/WEBROOT/APPHOST/Shop/api'],
    [['Shop/images'], 'images', /<directoryBrowse showFlags="Time" \/>/, 'MACHINE/WEBROOT/APPHOST/Shop/images'],
    [['Shop/blog/archive'], 'archive', /<directoryBrowse showFlags="Time" \/>/, 'MACHINE/WEBROOT/APPHOST/Shop/blog/archive'],
  ];
  for (const [args, file, expected, commitPath] of cases) {
    const [path, ...rest] = args;
    const r = change(['set', 'config', path ?? '', DIR, '/showFlags:Time', ...rest]);
    const label = args.join(' ');
    assert.equal(r.code, 0, `${label}: ${r.stderr}`);
    assert.deepEqual(r.changed, [file], label);
    if (typeof expected === 'string') assert.equal(r.after[file], expected, label);
    else assert.match(r.after[file] ?? '', expected, label);
    assert.equal(r.stdout, `Applied configuration changes to section "system.webServer/directoryBrowse" for "MACHINE/WEBROOT/APPHOST/${path}" at configuration commit path "${commitPath}"\n`, label);
  }
});

test('an existing web.config changes only where the edit is (tabs, CRLF, quotes, comments, no final newline kept)', () => {
  const r = change(['set', 'config', 'Shop', DIR, '/enabled:true']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.after['site'], SITE_WEB_CONFIG.replace("enabled='false'", "enabled='true'"));
  // Setting the value already there writes nothing.
  const same = change(['set', 'config', 'Shop', DIR, '/showFlags:Date']);
  assert.deepEqual(same.changed, []);
});

test('clear config and set config /in commit to web.config levels too', () => {
  const cleared = change(['clear', 'config', 'Shop/blog/archive', DIR, '/commit:app']);
  assert.equal(cleared.code, 0, cleared.stderr);
  assert.deepEqual(cleared.changed, ['blog']);
  assert.doesNotMatch(cleared.after['blog'] ?? '', /directoryBrowse/);
});

test('IIS refusals write nothing: AppHostOnly, MachineToApplication below an application, a lock by default and by a location', () => {
  const refusals: Array<[string[], RegExp]> = [
    [['set', 'config', 'Shop', '-section:system.webServer/globalModules', "/+[name='m',image='m.dll']"], /allowDefinition="AppHostOnly"/],
    [['set', 'config', 'Shop', '-section:system.applicationHost/sites', "/[name='Shop'].serverAutoStart:false"], /cannot be set for MACHINE\/WEBROOT\/APPHOST\/Shop/],
    [['set', 'config', 'Shop/blog/archive', '-section:system.webServer/applicationInitialization', '/doAppInitAfterRestart:true', '/commit:app'], /\(a folder\).*allowDefinition="MachineToApplication"/],
    [['set', 'config', 'Shop/blog', '-section:system.webServer/security/authentication/windowsAuthentication', '/enabled:true'], /locked above MACHINE\/WEBROOT\/APPHOST\/Shop\/blog by the section declaration \(overrideModeDefault="Deny"\)/],
  ];
  for (const [args, hint] of refusals) {
    const r = change(args);
    assert.equal(r.code, 33, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /This configuration section cannot be used at this path\. This happens when the section is locked at a parent level\./);
    assert.match(r.stderr, hint);
    assert.deepEqual(r.changed, [], args.join(' '));
  }
  // MachineToApplication is fine at an application root; so is a locked section in applicationHost.config.
  assert.deepEqual(change(['set', 'config', 'Shop/blog', '-section:system.webServer/applicationInitialization', '/doAppInitAfterRestart:true']).changed, ['blog']);
  assert.deepEqual(change(['set', 'config', 'Shop/blog', '-section:system.webServer/security/authentication/windowsAuthentication', '/enabled:true', '/commit:apphost']).changed, ['apphost']);
});

test('unlocking a section for a site lets its web.config set it; a Deny location locks it again below', () => {
  const t = tree();
  const WINAUTH = '-section:system.webServer/security/authentication/windowsAuthentication';
  assert.equal(appcmd(['unlock', 'config', 'Shop', WINAUTH, ...t.args]).code, 0);
  const r = appcmd(['set', 'config', 'Shop/blog', WINAUTH, '/enabled:true', ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(t.webConfig(t.blogFolder), 'utf8'), /<windowsAuthentication enabled="true" \/>/);
  const dir = appcmd(['lock', 'config', 'Shop', DIR, ...t.args]);
  assert.equal(dir.code, 0, dir.stderr);
  // The site's web.config sets directoryBrowse, which the lock now forbids: IIS reads it on the way
  // to /api and refuses it as a broken file, naming it; without it, /api's own write is refused.
  const locked = appcmd(['set', 'config', 'Shop/api', DIR, '/enabled:true', ...t.args]);
  assert.equal(locked.code, 33);
  assert.match(locked.stderr, new RegExp(`^ERROR \\( message:Configuration error\\nFilename: ${t.webConfig(t.siteFolder).replace(/[.\\/]/g, '\\$&')}\\nLine Number: 5\\n`));
  assert.match(locked.stderr, /locked above MACHINE\/WEBROOT\/APPHOST\/Shop by <location path="Shop">/);
  writeFileSync(t.webConfig(t.siteFolder), SITE_WEB_CONFIG.replace(/\t\t<directoryBrowse [^\n]*\n/, ''));
  const below = appcmd(['set', 'config', 'Shop/api', DIR, '/enabled:true', ...t.args]);
  assert.equal(below.code, 33);
  assert.match(below.stderr, /locked above MACHINE\/WEBROOT\/APPHOST\/Shop\/api by <location path="Shop">/);
  assert.equal(existsSync(t.webConfig(t.apiFolder)), false);
});

test('a broken web.config on the way gives IIS\'s Configuration error block with its name and line; nothing is written', () => {
  const t = tree();
  writeFileSync(t.webConfig(t.blogFolder), '<?xml version="1.0"?>\n<configuration>\n  <system.webServer>\n    <directoryBrowse enabled="true">\n</configuration>\n');
  const before = files(t);
  for (const args of [
    ['set', 'config', 'Shop/blog/archive', DIR, '/showFlags:Time'],
    ['set', 'config', 'Shop/blog/archive', DIR, '/showFlags:Time', '/commit:site'],
    ['list', 'config', 'Shop/blog', DIR],
  ]) {
    const r = appcmd([...args, ...t.args]);
    assert.equal(r.code, 13, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^ERROR \\( message:Configuration error\\nFilename: ${t.webConfig(t.blogFolder).replace(/[.\\/]/g, '\\$&')}\\nLine Number: 5\\n`));
  }
  assert.deepEqual(files(t), before);
});

test('a web.config that sets a section where IIS refuses it is a Configuration error naming that file and line', () => {
  const t = tree();
  writeFileSync(t.webConfig(t.apiFolder), '<configuration>\n  <system.webServer>\n    <security><authentication>\n    <windowsAuthentication enabled="true" />\n    </authentication></security>\n  </system.webServer>\n</configuration>\n');
  const r = appcmd(['list', 'config', 'Shop/api', '-section:windowsAuthentication', ...t.args]);
  assert.equal(r.code, 33);
  assert.match(r.stderr, new RegExp(`Configuration error\\nFilename: ${t.webConfig(t.apiFolder).replace(/[.\\/]/g, '\\$&')}\\nLine Number: 4\\n`));
  assert.match(r.stderr, /locked above MACHINE\/WEBROOT\/APPHOST\/Shop\/api by the section declaration/);
});

test('without a mapping for its folder, a web.config level is refused with the site, the physicalPath and the switch', () => {
  const t = tree();
  const r = appcmd(['set', 'config', 'Shop/api', DIR, '/enabled:true', `/apphostconfig:${t.apphost}`, `/schemadir:${t.args[1]?.slice('/schemadir:'.length) ?? ''}`, `/physicalroot:C:=${t.root}/c`]);
  assert.equal(r.code, 50);
  assert.match(r.stderr, /Cannot find the folder of application "Shop\/api": its physicalPath "D:\\api" is not mapped[^]*\/physicalroot:D:=\/local\/folder[^]*\/commit:apphost/);
  const viaEnv = appcmd(['set', 'config', 'Shop/api', DIR, '/enabled:true', `/apphostconfig:${t.apphost}`, t.args[1] ?? ''], { APPCMD_PHYSICALROOT: t.physicalRoots });
  assert.equal(viaEnv.code, 0, viaEnv.stderr);
  assert.ok(existsSync(t.webConfig(t.apiFolder)));
});

test('a path no site serves is IIS\'s unrecognized configuration path at every commit level; nothing is written', () => {
  for (const commit of [[], ['/commit:site'], ['/commit:apphost']]) {
    const r = change(['set', 'config', 'NoSuchSite', DIR, '/enabled:true', ...commit]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /Unrecognized configuration path 'MACHINE\/WEBROOT\/APPHOST\/NoSuchSite'/);
    assert.deepEqual(r.changed, []);
  }
});
