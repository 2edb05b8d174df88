import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { fixturesDir } from '../helpers/paths.js';
import { Transcript } from './transcript.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const SITES = '-section:system.applicationHost/sites';
const HEADLINE = "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire";

test('--dry-run, the summary line and --if-not-exists on the CONFIG verbs (golden)', () => {
  const t = new Transcript(tempCopy(fixture));
  t.run(['set', 'config', SITES, HEADLINE, '--dry-run']);
  t.run(['set', 'config', SITES, HEADLINE]);
  t.run(['set', 'config', SITES, HEADLINE]);
  t.run(['set', 'config', SITES, "/+[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:990:']", '--if-not-exists']);
  t.run(['set', 'config', SITES, "/+[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:990:']", '--if-not-exists']);
  assert.equal(t.run(['set', 'config', SITES, "/+[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:990:']"]).code, 183);
  assert.equal(t.run(['set', 'config', SITES, "/+[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:990:',sslFlags='1']", '--if-not-exists']).code, 183);
  t.run(['clear', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy", '--dry-run']);
  t.run(['lock', 'config', 'ftp.example.com', '-section:system.ftpServer/security/authorization', '--dry-run']);
  t.run(['set', 'config', SITES, HEADLINE.replace('SslRequire', 'SslAllow'), '--json']);
  t.run(['set', 'config', SITES, HEADLINE, '--dry-run', '--json']);
  assertGolden('objects/config-write-modes.txt', t.text());
});

test('a dry run writes nothing and prints a unified diff that patch applies to give what the write gives', (t) => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const args = [SITES, "/+[name='ftp.intranet'].ftpServer.security.commandFiltering.[command='SYST',allowed='false']", '/siteDefaults.limits.maxConnections:500', '/[name=\'Default Web Site\'].serverAutoStart:false'];
  const dry = appcmd(['set', 'config', ...args, '--dry-run', `/apphostconfig:${file}`]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stderr, /^Dry run: .* would change, \+\d+ -\d+ lines; nothing was written\.\n$/);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.equal(snapshot(file).mtimeNs, before.mtimeNs);
  const patched = tempCopy(file, 'patched.config');
  const written = tempCopy(file, 'written.config');
  assert.equal(appcmd(['set', 'config', ...args, `/apphostconfig:${written}`]).code, 0);
  if (spawnSync('patch', ['--version']).status !== 0) {
    t.skip('patch is not installed');
    return;
  }
  const p = spawnSync('patch', ['--binary', '-s', patched], { input: dry.stdout });
  assert.equal(p.status, 0, String(p.stderr) + String(p.stdout));
  assert.ok(readFileSync(patched).equals(readFileSync(written)));
});

test('--json on a write reports the file, whether it changed and was written', () => {
  const file = tempCopy(fixture);
  const first = JSON.parse(appcmd(['set', 'config', SITES, HEADLINE, '--json', `/apphostconfig:${file}`]).stdout) as Record<string, unknown>;
  assert.deepEqual([first['section'], first['changed'], first['written'], first['file']], ['system.applicationHost/sites', true, true, file]);
  const again = JSON.parse(appcmd(['set', 'config', SITES, HEADLINE, '--json', `/apphostconfig:${file}`]).stdout) as Record<string, unknown>;
  assert.deepEqual([again['changed'], again['written']], [false, false]);
  const added = JSON.parse(appcmd(['add', 'site', '/name:J', '/physicalPath:D:\\j', '--json', `/apphostconfig:${file}`]).stdout) as { objects: unknown[] };
  assert.deepEqual(added.objects, [
    { object: 'SITE', name: 'J', action: 'added' },
    { object: 'APP', name: 'J/', action: 'added' },
    { object: 'VDIR', name: 'J/', action: 'added' },
  ]);
});
