import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

test('--if-exists: a set of an object that is not there does nothing; of one that is, sets it', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const lines = ['set site "no.such.site" /serverAutoStart:false --if-exists', 'set vdir "no.such.site/" /physicalPath:C:\\x --if-exists', 'set apppool "NoSuchPool" /autoStart:false --if-exists'];
  const r = appcmdStdin(['batch', '-', `/apphostconfig:${file}`, '--json'], lines.join('\n'));
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as WriteJson).changed, false);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.equal(appcmd(['set', 'site', 'no.such.site', '/serverAutoStart:false', `/apphostconfig:${file}`]).code, 1168, 'without it, appcmd\'s error');
  const set = appcmd(['set', 'apppool', 'FtpPool', '/autoStart:false', '--if-exists', `/apphostconfig:${file}`]);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /APPPOOL object "FtpPool" changed/);
  assert.match(readFileSync(file, 'utf8'), /<add name="FtpPool" [^>]*autoStart="false"/);
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
