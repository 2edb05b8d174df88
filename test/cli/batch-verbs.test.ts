import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPCMD_OBJECTS } from '../../src/cli/objects.js';
import { snapshot, tempCopy } from '../helpers/cli.js';
import { corpusDir } from '../helpers/paths.js';
import { appcmdStdin } from './io-runner.js';

// One site (mysite.example.com) and one pool (MyPool).
const corpus06 = join(corpusDir, '06-Nordstrom-epg-interview-sysadmin.config');

/** A line for every writing verb of every object, in an order in which each one has work to do. */
const LINES: Readonly<Record<string, string>> = {
  'add apppool': 'add apppool /name:BatchPool',
  'set apppool': 'set apppool BatchPool /autoStart:false',
  'start apppool': 'start apppool BatchPool',
  'stop apppool': 'stop apppool BatchPool',
  'add site': 'add site /name:batch.example.com /id:50 /bindings:ftp/*:2121: /physicalPath:C:\\batch',
  'set site': 'set site batch.example.com /limits.maxConnections:100',
  'stop site': 'stop site batch.example.com',
  'start site': 'start site batch.example.com',
  'set ftpssl': 'set ftpssl batch.example.com /ssl128:true',
  'add app': 'add app /site.name:batch.example.com /path:/a /physicalPath:C:\\a /applicationPool:BatchPool',
  'set app': 'set app batch.example.com/a /enabledProtocols:http',
  'add vdir': 'add vdir /app.name:batch.example.com/a /path:/v /physicalPath:C:\\v',
  'set vdir': 'set vdir batch.example.com/a/v /physicalPath:C:\\v2',
  'set config': "set config -section:sites \"/[name='mysite.example.com'].serverAutoStart:false\"",
  'clear config': "clear config -section:sites \"/[name='mysite.example.com'].serverAutoStart\"",
  'unlock config': 'unlock config -section:system.ftpServer/security/authorization',
  'lock config': 'lock config batch.example.com -section:system.ftpServer/security/authorization',
  'delete vdir': 'delete vdir batch.example.com/a/v',
  'delete app': 'delete app batch.example.com/a',
  'delete site': 'delete site batch.example.com',
  'delete apppool': 'delete apppool BatchPool',
  'install module': 'install module /name:BatchModule /image:%windir%\\System32\\inetsrv\\batch.dll',
  'add module': 'add module /name:BatchManaged /type:Batch.ManagedModule',
  'set module': 'set module BatchManaged /preCondition:managedHandler',
  'delete module': 'delete module BatchManaged',
  'uninstall module': 'uninstall module BatchModule',
};

/** Writing verbs that act on other files than the configuration, and refuse themselves in a batch. */
const REFUSED: Readonly<Record<string, RegExp>> = {
  'add backup': /add backup works on files, not inside appcmd batch/,
  'restore backup': /restore backup works on files, not inside appcmd batch/,
  'delete backup': /delete backup works on files, not inside appcmd batch/,
};

test('every writing command of the command table has a batch line here (or is refused for a reason)', () => {
  const writing = APPCMD_OBJECTS.flatMap((o) => Object.entries(o.verbs).filter(([, v]) => v.writes).map(([verb]) => `${verb} ${o.name}`));
  assert.deepEqual([...Object.keys(LINES), ...Object.keys(REFUSED)].sort(), writing.sort());
});

test('appcmd batch accepts every writing command: one parse, one write, each line applied', () => {
  const file = tempCopy(corpus06);
  const r = appcmdStdin(['batch', '-', '--json', `/apphostconfig:${file}`], Object.values(LINES).join('\n'));
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { commands: number; parses: number; writes: number; changed: boolean };
  assert.deepEqual([report.commands, report.parses, report.writes, report.changed], [Object.keys(LINES).length, 1, 1, true]);
  const text = readFileSync(file, 'utf8');
  // What the deleted objects leave behind: the lock of the deleted site's path, the ftpssl change gone with it.
  assert.doesNotMatch(text, /<site name="batch\.example\.com"|BatchPool|BatchModule|BatchManaged/);
  assert.match(text, /<site name="mysite\.example\.com" id="1">/);
  assert.match(text, /<location path="batch\.example\.com" overrideMode="Deny">/);
});

test('set ftpssl in a batch is written with the batch, and --dry-run of the batch writes nothing', () => {
  const file = tempCopy(corpus06);
  const lines = [LINES['add site'], LINES['set ftpssl']].join('\n');
  const before = snapshot(file);
  const dry = appcmdStdin(['batch', '-', '--dry-run', `/apphostconfig:${file}`], lines);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^\+ .*<ssl ssl128="true" \/>/m);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  const r = appcmdStdin(['batch', '-', `/apphostconfig:${file}`], lines);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^FTPSSL object "batch\.example\.com" changed$/m);
  assert.match(readFileSync(file, 'utf8'), /<ssl ssl128="true" \/>/);
});
