import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import { appcmdStdin } from './io-runner.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const SITES = '-section:system.applicationHost/sites';

interface WriteJson {
  changed: boolean;
  written: boolean;
  file: string;
  diff?: string;
}

test('--if-exists: set and delete of a missing object, /- of a missing item, change nothing and succeed', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const lines = [
    'set site "no.such.site" /serverAutoStart:false --if-exists',
    'delete site "no.such.site" --if-exists',
    'delete apppool "NoSuchPool" --if-exists',
    'set vdir "no.such.site/" /physicalPath:C:\\x --if-exists',
    `set config ${SITES} "/-[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:2121:']" --if-exists`,
  ];
  const r = appcmdStdin(['batch', '-', `/apphostconfig:${file}`, '--json'], lines.join('\n'));
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as WriteJson).changed, false);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  // Without it, each is appcmd's error.
  assert.equal(appcmd(['delete', 'site', 'no.such.site', `/apphostconfig:${file}`]).code, 1168);
  assert.equal(appcmd(['set', 'config', SITES, "/-[name='ftp.example.com'].bindings.[protocol='ftp',bindingInformation='*:2121:']", `/apphostconfig:${file}`]).code, 4312);
});

test('--if-exists still does what it says on an object that is there', () => {
  const file = tempCopy(fixture);
  const r = appcmd(['delete', 'apppool', 'FtpPool', '--if-exists', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /APPPOOL object "FtpPool" deleted/);
  assert.equal(appcmd(['list', 'apppool', 'FtpPool', `/apphostconfig:${file}`]).code, 1168);
});

test('--diff: a real write reports the unified diff in --json and in text, as a dry run does', () => {
  const file = tempCopy(fixture);
  const set = "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire";
  const dry = JSON.parse(appcmd(['set', 'config', SITES, set, `/apphostconfig:${file}`, '--json', '--dry-run']).stdout) as WriteJson;
  const real = JSON.parse(appcmd(['set', 'config', SITES, set, `/apphostconfig:${file}`, '--json', '--diff']).stdout) as WriteJson;
  assert.deepEqual([real.changed, real.written], [true, true]);
  assert.equal(real.diff, dry.diff);
  assert.match(real.diff ?? '', /^-.*controlChannelPolicy="SslAllow".*\r\n\+.*controlChannelPolicy="SslRequire"/m);
  const again = JSON.parse(appcmd(['set', 'config', SITES, set, `/apphostconfig:${file}`, '--json', '--diff']).stdout) as WriteJson;
  assert.deepEqual([again.changed, again.diff], [false, '']);
  const text = appcmd(['set', 'site', 'ftp.example.com', '/serverAutoStart:false', `/apphostconfig:${file}`, '--diff']);
  assert.match(text.stdout, /^SITE object "ftp.example.com" changed\n--- /);
  assert.match(text.stdout, /^\+ .*serverAutoStart="false"/m);
});

test('--diff in a batch covers every line; set ftpssl --json names the file and, with --diff or --dry-run, the diff', () => {
  const file = tempCopy(fixture);
  const batch = appcmdStdin(['batch', '-', `/apphostconfig:${file}`, '--json', '--diff'], 'stop site ftp.intranet\nset apppool FtpPool /autoStart:false\n');
  const json = JSON.parse(batch.stdout) as WriteJson;
  assert.equal(json.changed, true, batch.stderr);
  assert.match(json.diff ?? '', /^\+ .*<site name="ftp.intranet" id="3" serverAutoStart="false">/m);
  assert.match(json.diff ?? '', /^\+ .*<add name="FtpPool" .*autoStart="false"/m);
  const before = snapshot(file);
  const dry = JSON.parse(appcmd(['set', 'ftpssl', 'ftp.example.com', '/policy:Require', '/force', `/apphostconfig:${file}`, '--json', '--dry-run']).stdout) as WriteJson;
  assert.deepEqual([dry.changed, dry.written, dry.file], [true, false, file]);
  assert.match(dry.diff ?? '', /^\+ .*controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire"/m);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  const real = JSON.parse(appcmd(['set', 'ftpssl', 'ftp.example.com', '/policy:Require', '/force', `/apphostconfig:${file}`, '--json', '--diff']).stdout) as WriteJson;
  assert.deepEqual([real.written, real.diff], [true, dry.diff]);
  const plain = JSON.parse(appcmd(['set', 'ftpssl', 'ftp.example.com', '/policy:Require', '/force', `/apphostconfig:${file}`, '--json']).stdout) as WriteJson;
  assert.deepEqual([plain.changed, 'diff' in plain], [false, false]);
});
