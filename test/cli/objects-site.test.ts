import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempCopy } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { fixturesDir } from '../helpers/paths.js';
import { Transcript } from './transcript.js';

const fixture = join(fixturesDir, 'applicationHost.config');

test('SITE: list, add, set, delete, start, stop with appcmd\'s texts and exit codes (golden)', () => {
  const t = new Transcript(tempCopy(fixture));
  t.note('list');
  assert.equal(t.run(['list', 'site']).stdout.split('\n')[0], 'SITE "Default Web Site" (id:1,bindings:http/*:80:,state:Unknown)');
  t.run(['list', 'sites']);
  t.run(['list', 'site', 'FTP.EXAMPLE.COM']);
  assert.equal(t.run(['list', 'site', 'nosuch']).code, 1168);
  t.run(['list', 'site', '/name:$=*ftp*']);
  t.run(['list', 'site', '/id:2']);
  t.run(['list', 'site', '/state:Started']);
  assert.equal(t.run(['list', 'site', '/nosuch:1']).code, 87);

  t.note('add');
  const added = t.run(['add', 'site', '/name:MySite', '/bindings:ftp/*:21:', '/physicalPath:D:\\mysite']);
  assert.equal(added.stdout, 'SITE object "MySite" added\nAPP object "MySite/" added\nVDIR object "MySite/" added\n');
  t.run(['add', 'site', '/name:Web2', '/id:10', '/bindings:http://www.contoso.com,https://10.0.0.1']);
  assert.match(t.run(['add', 'site', '/name:Ftp3', '/bindings:ftp://*:990']).stdout, /^SITE object "Ftp3" added\n$/);
  t.run(['list', 'site', 'Ftp3']);
  t.run(['add', 'site', '/name:Secure', '/bindings:ftp/*:2100:', '/ftpServer.security.ssl.controlChannelPolicy:SslAllow', '/serverAutoStart:false']);
  assert.equal(t.run(['add', 'site', '/name:MySite']).code, 183);
  assert.equal(t.run(['add', 'site', '/name:mysite', '/bindings:ftp/*:21:', '/physicalPath:D:\\mysite', '--if-not-exists']).code, 0);
  assert.equal(t.run(['add', 'site', '/name:MySite', '/bindings:ftp/*:2121:', '--if-not-exists']).code, 183);
  assert.equal(t.run(['add', 'site', '/name:Other', '/id:1']).code, 183);
  assert.equal(t.run(['add', 'site', '/bindings:http/*:81:']).code, 87);
  assert.equal(t.run(['add', 'site', '/name:Bad', '/bindings:nonsense']).code, 13);
  assert.equal(t.run(['add', 'site', '/name:a/b']).code, 13);
  t.run(['add', 'site', '/name:NoBindings']);
  assert.match(t.run(['list', 'site', 'NoBindings']).stdout, /^SITE "NoBindings" \(id:7,bindings:,state:Unknown\)\n$/);

  t.note('set');
  t.run(['set', 'site', 'MySite', '/ftpServer.security.ssl.controlChannelPolicy:SslRequire']);
  t.run(['set', 'site', '/site.name:MySite', "/+bindings.[protocol='ftp',bindingInformation='*:2100:']"]);
  t.run(['set', 'site', 'MySite', '/bindings:ftp/*:21:,ftp/*:990:']);
  t.run(['set', 'site', 'MySite', '/id:20', '/limits.maxConnections:100']);
  assert.equal(t.run(['set', 'site', 'MySite', '/name:ftp.example.com']).code, 183);
  assert.equal(t.run(['set', 'site', 'nosuch', '/serverAutoStart:false']).code, 1168);
  assert.equal(t.run(['set', 'site', 'MySite', '/nosuch:1']).code, 87);
  assert.equal(t.run(['set', 'site', 'MySite']).code, 87);
  assert.equal(t.run(['set', 'site', '/serverAutoStart:false']).code, 87);
  assert.equal(t.run(['set', 'site', 'MySite', "/-bindings.[protocol='http',bindingInformation='*:1:']"]).code, 4312);

  t.note('start and stop (serverAutoStart, and ftpServer/@serverAutoStart for an FTP site)');
  t.run(['stop', 'site', 'MySite']);
  t.run(['list', 'site', '/serverAutoStart:false']);
  t.run(['start', 'site', 'MySite']);
  t.run(['stop', 'site', 'Default Web Site']);

  t.note('delete');
  t.run(['delete', 'site', 'Web2']);
  t.run(['delete', 'site', '/site.name:Ftp3']);
  assert.equal(t.run(['delete', 'site', 'nosuch']).code, 1168);
  t.run(['list', 'site']);
  assertGolden('objects/site.txt', t.text());
});

test('appcmd\'s texts for an object or verb it does not have (golden)', () => {
  const t = new Transcript(tempCopy(fixture));
  assert.equal(t.run(['list', 'foo']).code, 87);
  assert.equal(t.run(['set', 'SERVERAUTOSTART:TRUE']).code, 87);
  assert.equal(t.run(['recycle', 'site', 'x']).code, 87);
  assert.equal(t.run(['list']).code, 87);
  assert.equal(t.run(['frob', 'sites', '--json']).code, 87);
  assert.equal(t.run(['site']).code, 87);
  assertGolden('objects/unsupported.txt', t.text());
});

test('the next free site id is the lowest one no site uses, whatever the order of the ids', () => {
  const t = new Transcript(tempCopy(fixture));
  t.run(['add', 'site', '/name:A', '/id:5']);
  t.run(['delete', 'site', 'ftp.example.com']);
  assert.match(t.run(['list', 'site', 'B']).stderr, /Cannot find SITE object/);
  t.run(['add', 'site', '/name:B']);
  t.run(['add', 'site', '/name:C']);
  t.run(['add', 'site', '/name:D']);
  const ids = t.run(['list', 'site', '/text:SITE.ID']).stdout.trim().split('\n');
  assert.deepEqual(ids, ['1', '3', '5', '2', '4', '6']);
});
