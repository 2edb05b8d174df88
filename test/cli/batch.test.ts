import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs, { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import { generatedConfig } from '../reliability/generated-config.js';
import { appcmdStdin } from './io-runner.js';
import { tempDir } from '../helpers/temp.js';

const fixture = join(fixturesDir, 'applicationHost.config');

/**
 * Runs `body` while counting, at node's fs module, the reads of `target` and the renames onto it
 * (an atomic write is one rename). syncBuiltinESMExports makes the ES-module imports of node:fs
 * in the code under test see the counting functions.
 */
function countFileCalls<T>(target: string, body: () => T): { result: T; reads: number; renames: number } {
  const readFile = fs.readFileSync;
  const open = fs.openSync;
  const rename = fs.renameSync;
  let reads = 0;
  let renames = 0;
  const countingRead = (...args: Parameters<typeof fs.readFileSync>): ReturnType<typeof fs.readFileSync> => {
    if (String(args[0]) === target) reads++;
    return readFile(...args);
  };
  // A large file is read through a descriptor of its own (see store/config-file.ts).
  const countingOpen = (...args: Parameters<typeof fs.openSync>): number => {
    if (String(args[0]) === target) reads++;
    return open(...args);
  };
  fs.readFileSync = countingRead as typeof fs.readFileSync;
  fs.openSync = countingOpen;
  fs.renameSync = (from, to) => {
    if (String(to) === target) renames++;
    rename(from, to);
  };
  syncBuiltinESMExports();
  try {
    return { result: body(), reads, renames };
  } finally {
    fs.readFileSync = readFile;
    fs.openSync = open;
    fs.renameSync = rename;
    syncBuiltinESMExports();
  }
}

function batchFile(lines: readonly string[]): string {
  const file = join(tempDir('appcmd-batch-'), 'batch.txt');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface BatchJson {
  commands: number;
  parses: number;
  writes: number;
  changed: boolean;
  written: boolean;
  lines: { line: number; command: string; output: unknown }[];
}

test('a batch of 1,000 set lines on a 1,000-site file parses it once and writes it once', () => {
  const config = generatedConfig(1000);
  const lines = ['# one set per site, as a provisioning script would do', ''];
  for (let i = 1; i <= 1000; i++) lines.push(`appcmd set config -section:system.applicationHost/sites "/[id='${i}'].limits.maxConnections:${5000 + i}" /commit:apphost`);
  const target = realpathSync(config);
  const calls = countFileCalls(target, () => appcmdStdin(['batch', batchFile(lines), `/apphostconfig:${config}`, '--json']));
  const r = calls.result;
  assert.equal(r.code, 0, r.stderr);
  // Counted at the file system: one read of the file, one rename of a finished temp file over it.
  assert.equal(calls.reads, 1);
  assert.equal(calls.renames, 1);
  const report = JSON.parse(r.stdout) as BatchJson;
  assert.equal(report.commands, 1000);
  assert.equal(report.parses, 1);
  assert.equal(report.writes, 1);
  assert.equal(report.written, true);
  assert.equal(report.lines[999]?.line, 1002);
  // Every line's change is in the one write.
  const values = appcmdStdin(['list', 'site', '/text:limits.maxConnections', `/apphostconfig:${config}`]).stdout.trim().split('\n');
  assert.equal(values.length, 1000);
  const ids = appcmdStdin(['list', 'site', '/text:SITE.ID', `/apphostconfig:${config}`]).stdout.trim().split('\n');
  ids.forEach((id, i) => assert.equal(values[i], String(5000 + Number(id))));
});

test('a batch prints each line\'s output in order, then one summary; comments, blank lines and "appcmd.exe" are fine', () => {
  const file = tempCopy(fixture);
  const b = batchFile([
    '# provisioning',
    'appcmd.exe add site /name:B1 /bindings:ftp/*:2101: /physicalPath:D:\\b1',
    '',
    'add apppool /name:B1Pool',
    '   set app "B1/" /applicationPool:B1Pool',
    'set config -section:sites "/[name=\'B1\'].ftpServer.security.ssl.controlChannelPolicy:SslRequire"',
    'list site B1',
  ]);
  const r = appcmdStdin(['batch', b, `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      'SITE object "B1" added',
      'APP object "B1/" added',
      'VDIR object "B1/" added',
      'APPPOOL object "B1Pool" added',
      'APP object "B1/" changed',
      'Applied configuration changes to section "system.applicationHost/sites" for "MACHINE/WEBROOT/APPHOST" at configuration commit path "MACHINE/WEBROOT/APPHOST"',
      // list sees the lines before it: one configuration for the whole batch.
      'SITE "B1" (id:4,bindings:ftp/*:2101:,state:Unknown)',
      '',
    ].join('\n'),
  );
  assert.match(r.stderr, /^Changed .*applicationHost\.config: \+\d+ -\d+ lines\.\n$/);
  assert.match(readFileSync(file, 'utf8'), /<application path="\/" applicationPool="B1Pool">/);
});

test('list config and list site in a batch show the lines before them, not the file as read', () => {
  const file = tempCopy(fixture);
  const b = batchFile([
    'list config -section:system.applicationHost/sites',
    'set site "Default Web Site" /serverAutoStart:false',
    'set site ftp.intranet /bindings:ftp/*:2122:',
    'list config -section:system.applicationHost/sites',
    'list site',
  ]);
  const r = appcmdStdin(['batch', b, `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  const [before, after] = r.stdout.split(/^SITE object "ftp.intranet" changed\n/m);
  assert.match(before ?? '', /<site name="Default Web Site" id="1">/);
  assert.match(after ?? '', /<site name="Default Web Site" id="1" serverAutoStart="false">/);
  assert.match(after ?? '', /<binding protocol="ftp" bindingInformation="\*:2122:" \/>/);
  assert.match(after ?? '', /^SITE "ftp.intranet" \(id:3,bindings:ftp\/\*:2122:,state:Unknown\)$/m);
});

test('the first failing line stops the batch, is named in the error, and nothing is written', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const b = batchFile(['add site /name:X1 /bindings:http/*:81:', 'set site X1 /serverAutoStart:false', 'set site nosuch /serverAutoStart:false', 'add site /name:X2']);
  const r = appcmdStdin(['batch', b, `/apphostconfig:${file}`]);
  assert.equal(r.code, 1168);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^ERROR \( message:Cannot find SITE object with identifier "nosuch"\. \)\n {2}at .*batch\.txt line 3: set site nosuch \/serverAutoStart:false\n {2}Nothing was written/);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.ok(!existsSync(`${file}.lock`), 'the lock is released');
  const json = JSON.parse(appcmdStdin(['batch', b, `/apphostconfig:${file}`, '--json']).stderr) as { file: string; line: number; win32: number };
  assert.deepEqual([json.file, json.line, json.win32], [b, 3, 1168]);
});

test('batch --dry-run prints the diff of the whole batch and writes nothing; stdin works as the batch file', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const r = appcmdStdin(['batch', '-', `/apphostconfig:${file}`, '--dry-run'], 'set site ftp.intranet /serverAutoStart:false\nstop site "Default Web Site"\n');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^--- .*\n\+\+\+ .*\n@@ -37,7 \+37,7 @@\n/);
  assert.match(r.stdout, /^- {12}<site name="Default Web Site" id="1">\r\n\+ {12}<site name="Default Web Site" id="1" serverAutoStart="false">\r$/m);
  assert.match(r.stdout, /^\+ {12}<site name="ftp.intranet" id="3" serverAutoStart="false">\r$/m);
  assert.match(r.stderr, /Dry run: .* would change, \+2 -2 lines; nothing was written\./);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

test('a batch refuses what it cannot do all or nothing: backups, other files, nested batches, /in', () => {
  const file = tempCopy(fixture);
  const other = tempCopy(fixture);
  const cases: [string, number, RegExp][] = [
    ['add backup', 50, /add backup works on files, not inside appcmd batch/],
    [`list site /apphostconfig:${other}`, 87, /A batch works on one file/],
    ['batch x', 87, /cannot run another batch/],
    ['add site /in', 50, /no standard input/],
    ['set site', 87, /needs the SITE object's identifier/],
  ];
  for (const [line, code, message] of cases) {
    const r = appcmdStdin(['batch', batchFile([line]), `/apphostconfig:${file}`]);
    assert.equal(r.code, code, `${line}: ${r.stderr}`);
    assert.match(r.stderr, message, line);
    assert.match(r.stderr, /line 1: /, line);
  }
});
