import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appcmd } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';

function help(...args: string[]): string {
  const r = appcmd(args);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return r.stdout;
}

test('help at appcmd\'s three levels: appcmd /?, appcmd site /?, appcmd list app /? (golden)', () => {
  const general = help('/?');
  assert.match(general, /^General purpose IIS command line administration tool/);
  assert.equal(help(), general);
  const objects = ['site', 'app', 'vdir', 'apppool', 'backup'].map((o) => `$ appcmd ${o} /?\n${help(o, '/?')}`).join('\n');
  assert.match(objects, /state is a runtime value that applicationHost\.config does not hold: offline it is always Unknown\./);
  assert.equal(help('sites', '-?'), help('site', '/?'));
  const verbs = [
    ['list', 'app'],
    ['add', 'vdir'],
    ['delete', 'backup'],
    ['batch'],
  ]
    .map((v) => `$ appcmd ${v.join(' ')} /?\n${help(...v, '/?')}`)
    .join('\n');
  assertGolden('objects/help.txt', `$ appcmd /?\n${general}\n${objects}\n${verbs}`);
});

test('set site /? and set apppool /? list every attribute path of the element, from the schema (golden)', () => {
  const site = help('set', 'site', 'Default Web Site', '/?');
  assert.match(site, /^ {2}\/ftpServer\.security\.ssl\.controlChannelPolicy:VALUE {4}enum: SslAllow \| SslRequire \| SslRequireCredentialsOnly; default SslRequire$/m);
  assert.match(site, /^ {2}\/\+bindings\.\[protocol='…',bindingInformation='…'\] {4}add an item, <binding> \(give at least protocol, bindingInformation\)$/m);
  assert.match(site, /^ {2}\/\[path='…'\]\.applicationPool:VALUE {4}string; default ""; an application pool name/m);
  const pool = help('set', 'apppool', '/?');
  assert.match(pool, /^ {2}\/processModel\.identityType:VALUE {4}enum: LocalSystem \| LocalService \| NetworkService \| SpecificUser \| ApplicationPoolIdentity; default ApplicationPoolIdentity$/m);
  assert.match(pool, /^ {2}\/queueLength:VALUE {4}uint; default 1000; 10 to 65535$/m);
  assertGolden('objects/help-set-site.txt', site);
});

test('set config -section:… -? lists the section\'s settable paths with types, values and defaults', () => {
  const sites = help('set', 'config', '-section:system.applicationHost/sites', '-?');
  assert.match(sites, /^Settable attributes of system\.applicationHost\/sites/);
  // What `appcmd set config -section:system.applicationHost/sites -? | find /i "ftp"` is used for.
  assert.match(sites, /^ {2}\/\[name='…'\]\.ftpServer\.security\.ssl\.dataChannelPolicy:VALUE {4}enum: SslAllow \| SslRequire \| SslDeny; default SslRequire$/m);
  assert.match(sites, /^ {2}\/siteDefaults\.ftpServer\.security\.ssl\.ssl128:VALUE {4}bool; default false$/m);
  assert.match(sites, /^ {2}\/\[name='…'\]\.bindings\.\[protocol='…',bindingInformation='…'\]\.sslFlags:VALUE/m);
  assert.equal(help('set', 'config', '-section:sites', '/?'), sites);
  assertGolden('objects/help-set-config-firewall.txt', help('set', 'config', '-section:system.ftpServer/firewallSupport', '/?'));
});
