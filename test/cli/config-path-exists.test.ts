/**
 * Configuration paths that map to no site's application are IIS's "Unrecognized configuration
 * path" (exit 2), for every config verb, and nothing is written; empty application and virtual
 * directory paths are IIS's "Invalid … path".
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const section = '-section:system.ftpServer/security/ipSecurity';

test('list, set, clear, lock and search config at a path with no such site: Unrecognized configuration path, nothing written', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const commands = [
    ['list', 'config', 'NoSuchSite', section],
    ['set', 'config', 'NoSuchSite', section, '/allowUnlisted:false', '/commit:apphost'],
    ['set', 'config', 'MACHINE/WEBROOT/APPHOST/NoSuchSite/app', section, '/allowUnlisted:false', '/commit:apphost'],
    ['clear', 'config', 'NoSuchSite', section, '/commit:apphost'],
    ['unlock', 'config', 'NoSuchSite', section, '/commit:apphost'],
  ];
  for (const args of commands) {
    const r = appcmd([...args, `/apphostconfig:${file}`]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^ERROR \( message:Unrecognized configuration path 'MACHINE\/WEBROOT\/APPHOST\/NoSuchSite(\/app)?' \)\n {2}There is no site named "NoSuchSite"/);
  }
  assert.deepEqual(snapshot(file), before);
});

test('a site without a root application has no configuration path; a path below an existing site does', () => {
  const file = tempCopy(fixture);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(<site name="ftp.intranet" id="3">)\s*<application path="\/">[^]*?<\/application>/, '$1'));
  const r = appcmd(['set', 'config', 'ftp.intranet', section, '/allowUnlisted:false', '/commit:apphost', `/apphostconfig:${file}`]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /Unrecognized configuration path 'MACHINE\/WEBROOT\/APPHOST\/ftp.intranet'/);
  assert.match(r.stderr, /has no application that holds "\/"/);
  const ok = appcmd(['set', 'config', 'Default Web Site/some/folder', section, '/allowUnlisted:false', '/commit:apphost', `/apphostconfig:${file}`]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(readFileSync(file, 'utf8'), /<location path="Default Web Site\/some\/folder">/);
});

test('an empty application or virtual directory path is refused with IIS\'s text', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const app = appcmd(['set', 'config', '-section:sites', "/[name='Default Web Site'].[path='/'].path:", '/commit:apphost', `/apphostconfig:${file}`]);
  assert.equal(app.code, 13, app.stderr);
  assert.match(app.stderr, /^ERROR \( message:Invalid application path/);
  const vdir = appcmd(['set', 'config', '-section:sites', "/[name='Default Web Site'].[path='/'].[path='/'].path:", '/commit:apphost', `/apphostconfig:${file}`]);
  assert.equal(vdir.code, 13, vdir.stderr);
  assert.match(vdir.stderr, /^ERROR \( message:Invalid virtual directory path/);
  const add = appcmd(['add', 'app', '/site.name:Default Web Site', '/path:', `/apphostconfig:${file}`]);
  assert.equal(add.code, 13, add.stderr);
  assert.match(add.stderr, /^ERROR \( message:Invalid application path/);
  const addVdir = appcmd(['add', 'vdir', '/app.name:Default Web Site/', '/path:', `/apphostconfig:${file}`]);
  assert.equal(addVdir.code, 13, addVdir.stderr);
  assert.match(addVdir.stderr, /^ERROR \( message:Invalid virtual directory path/);
  assert.deepEqual(snapshot(file), before);
});
