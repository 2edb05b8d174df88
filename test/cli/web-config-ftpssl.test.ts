/**
 * `set ftpssl` edits a site in system.applicationHost/sites, which the schema declares
 * allowDefinition="AppHostOnly": a /commit: naming a web.config level is IIS's refusal (exit 33)
 * and nothing is written anywhere; the server level (omitted, url, apphost) writes
 * applicationHost.config only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { appcmd, snapshot } from '../helpers/cli.js';
import { makeSiteTree, SITE_TREE_APPHOST, type SiteTree } from '../helpers/site-tree.js';

const FTP_TREE = SITE_TREE_APPHOST.replace('<binding protocol="http" bindingInformation="*:80:" />', '<binding protocol="http" bindingInformation="*:80:" />\n                    <binding protocol="ftp" bindingInformation="*:21:" />');

function tree(): SiteTree {
  const t = makeSiteTree(FTP_TREE);
  writeFileSync(t.webConfig(t.siteFolder), '<configuration>\n</configuration>\n');
  return t;
}

function state(t: SiteTree): unknown[] {
  return [snapshot(t.apphost), snapshot(t.webConfig(t.siteFolder)), ...[t.blogFolder, t.apiFolder].map((f) => existsSync(t.webConfig(f)))];
}

test('set ftpssl with a web.config commit level is IIS\'s AppHostOnly refusal, exit 33, nothing written', () => {
  for (const commit of ['/commit:site', '/commit:app', '/commit:Shop', '/commit:MACHINE/WEBROOT/APPHOST/Shop']) {
    const t = tree();
    const before = state(t);
    const r = appcmd(['set', 'ftpssl', 'Shop', '/policy:Allow', commit, ...t.args]);
    assert.equal(r.code, 33, `${commit}: ${r.stderr}`);
    assert.match(r.stderr, /^ERROR \( message:This configuration section cannot be used at this path\. This happens when the section is locked at a parent level\./);
    assert.ok(r.stderr.includes(`system.applicationHost/sites cannot be set for MACHINE/WEBROOT/APPHOST/Shop (a site) in ${t.webConfig(t.siteFolder)} (allowDefinition="AppHostOnly")`), r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(state(t), before, commit);
  }
});

test('the refusal needs no folder: without a mapping it names the level, and it still writes nothing', () => {
  const t = tree();
  const before = state(t);
  const r = appcmd(['set', 'ftpssl', 'Shop', '/policy:Allow', '/commit:site', `/apphostconfig:${t.apphost}`, t.args[1] ?? '']);
  assert.equal(r.code, 33, r.stderr);
  assert.match(r.stderr, /in the web\.config of MACHINE\/WEBROOT\/APPHOST\/Shop \(allowDefinition="AppHostOnly"\)/);
  assert.deepEqual(state(t), before);
});

test('set ftpssl at the server level writes applicationHost.config only: no /commit, /commit:url, /commit:apphost', () => {
  for (const commit of [[], ['/commit:url'], ['/commit:apphost'], ['/commit:MACHINE/WEBROOT/APPHOST']]) {
    const t = tree();
    const site = snapshot(t.webConfig(t.siteFolder));
    const r = appcmd(['set', 'ftpssl', 'Shop', '/policy:Allow', ...commit, ...t.args]);
    assert.equal(r.code, 0, `${commit.join(' ')}: ${r.stderr}`);
    assert.match(readFileSync(t.apphost, 'utf8'), /<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" \/>/);
    assert.deepEqual(snapshot(t.webConfig(t.siteFolder)), site);
    assert.equal(existsSync(t.webConfig(t.blogFolder)), false);
  }
});

test('set ftpssl /siteDefaults with a site level is a bad argument: the defaults live at the server level', () => {
  const t = tree();
  const before = state(t);
  const r = appcmd(['set', 'ftpssl', '/siteDefaults', '/policy:Allow', '/commit:site', ...t.args]);
  assert.equal(r.code, 87, r.stderr);
  assert.match(r.stderr, /the server level is applicationHost\.config/);
  assert.deepEqual(state(t), before);
});

test('a file that lets the sites section into web.config still gets no web.config from set ftpssl: it edits applicationHost.config only', () => {
  const t = makeSiteTree(FTP_TREE.replace('<section name="sites" allowDefinition="AppHostOnly"', '<section name="sites" allowDefinition="Everywhere"'));
  const before = snapshot(t.apphost);
  const r = appcmd(['set', 'ftpssl', 'Shop', '/policy:Allow', '/commit:site', ...t.args]);
  assert.equal(r.code, 50, r.stderr);
  assert.match(r.stderr, /Cannot commit to "\/?site": this verb edits system\.applicationHost\/sites in applicationHost\.config\./);
  assert.deepEqual(snapshot(t.apphost), before);
  assert.equal(existsSync(t.webConfig(t.siteFolder)), false);
});
