import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerManager } from '../../src/config/server-manager.js';
import { AppcmdError } from '../../src/errors.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { corpusDir, referenceSchemaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { appcmdStdin } from './io-runner.js';

// One site (mysite.example.com, pool MyPool), an X-Powered-By header and a default document list.
const corpus06 = join(corpusDir, '06-Nordstrom-epg-interview-sysadmin.config');
const SCHEMA = `/schemadir:${referenceSchemaDir}`;

/** Each removal, and the status it gives without --if-exists once its target is gone. */
const REMOVALS: ReadonlyArray<{ readonly args: readonly string[]; readonly absent: number }> = [
  { args: ['set', 'config', '-section:system.webServer/httpProtocol', "/-customHeaders.[name='X-Powered-By']", SCHEMA], absent: 4312 },
  { args: ['set', 'config', '-section:sites', "/-[name='mysite.example.com'].bindings.[protocol='http']"], absent: 4312 },
  { args: ['clear', 'config', '-section:system.webServer/defaultDocument', "/files.[value='iisstart.htm']", SCHEMA], absent: 4312 },
  { args: ['delete', 'vdir', 'mysite.example.com/'], absent: 1168 },
  { args: ['delete', 'app', 'mysite.example.com/'], absent: 1168 },
  { args: ['delete', 'site', 'mysite.example.com'], absent: 1168 },
  { args: ['delete', 'apppool', '/apppool.name:MyPool'], absent: 1168 },
];

test('--if-exists: every removal run twice removes once, then leaves the bytes as they are (exit 0)', () => {
  const file = tempCopy(corpus06);
  for (const { args, absent } of REMOVALS) {
    const first = appcmd([...args, '--if-exists', `/apphostconfig:${file}`]);
    assert.equal(first.code, 0, `${args.join(' ')}: ${first.stderr}`);
    assert.match(first.stderr, /Changed .*: \+\d+ -[1-9]\d* lines\./, args.join(' '));
    const before = snapshot(file);
    const second = appcmd([...args, '--if-exists', `/apphostconfig:${file}`]);
    assert.equal(second.code, 0, `${args.join(' ')}: ${second.stderr}`);
    assert.match(second.stderr, /Unchanged .*: nothing to write\./, args.join(' '));
    const after = snapshot(file);
    assert.ok(after.bytes.equals(before.bytes), args.join(' '));
    assert.equal(after.mtimeNs, before.mtimeNs, `${args.join(' ')} rewrote the file`);
    // Without the option, the absent target is still appcmd's error, and nothing is written.
    assert.equal(appcmd([...args, `/apphostconfig:${file}`]).code, absent, args.join(' '));
    assert.ok(snapshot(file).bytes.equals(before.bytes));
  }
});

test('--if-exists: an item whose parent is absent is absent too; a malformed command is still refused', () => {
  const file = tempCopy(corpus06);
  const before = snapshot(file);
  assert.equal(appcmd(['set', 'config', '-section:sites', "/-[name='nosuch'].bindings.[protocol='http']", '--if-exists', `/apphostconfig:${file}`]).code, 0);
  assert.equal(appcmd(['clear', 'config', '-section:sites', "/[name='nosuch'].ftpServer", '--if-exists', `/apphostconfig:${file}`]).code, 0);
  assert.equal(appcmd(['delete', 'app', 'nosuch/x', '--if-exists', `/apphostconfig:${file}`]).code, 0);
  // Not an absent item: an unknown attribute, a wrong identifier form, an unknown section.
  assert.equal(appcmd(['set', 'config', '-section:sites', "/-nosuch.[a='b']", '--if-exists', `/apphostconfig:${file}`]).code, 87);
  assert.equal(appcmd(['delete', 'app', 'nosuch', '--if-exists', `/apphostconfig:${file}`]).code, 50);
  assert.equal(appcmd(['clear', 'config', '-section:nosuch', '--if-exists', `/apphostconfig:${file}`]).code, 87);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

test('--if-exists with --json: the absent object is "unchanged" and changed is false', () => {
  const file = tempCopy(corpus06);
  assert.equal(appcmd(['delete', 'site', 'mysite.example.com', `/apphostconfig:${file}`]).code, 0);
  const r = appcmd(['delete', 'site', 'mysite.example.com', '--if-exists', '--json', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { objects: [{ object: 'SITE', name: 'mysite.example.com', action: 'unchanged' }], file, changed: false, written: false });
  const c = JSON.parse(appcmd(['set', 'config', '-section:sites', "/-[name='gone']", '--if-exists', '--json', `/apphostconfig:${file}`]).stdout) as Record<string, unknown>;
  assert.deepEqual([c['changed'], c['written']], [false, false]);
});

test('--if-exists on delete backup: a missing backup is "unchanged"', () => {
  const file = tempCopy(corpus06);
  const dir = tempDir('appcmd-backups-');
  const run = (...args: string[]) => appcmd([...args, `/backupdir:${dir}`, `/apphostconfig:${file}`]);
  assert.equal(run('add', 'backup', 'b1').code, 0);
  assert.equal(run('delete', 'backup', 'b1', '--if-exists').stdout, 'BACKUP object "b1" deleted\n');
  const again = run('delete', 'backup', 'b1', '--if-exists');
  assert.equal(again.code, 0);
  assert.equal(again.stdout, 'BACKUP object "b1" unchanged\n');
  assert.match(again.stderr, /^Unchanged: there is no backup "b1"/);
  assert.deepEqual(JSON.parse(run('delete', 'backup', 'b1', '--if-exists', '--json').stdout), { object: 'BACKUP', name: 'b1', action: 'unchanged', changed: false });
  assert.equal(run('delete', 'backup', 'b1').code, 1168);
});

test('--if-exists in appcmd batch: the lines of a removal script run twice, the second batch writes nothing', () => {
  const file = tempCopy(corpus06);
  // The schema folder is the batch's, given once on its command line.
  const script = REMOVALS.map((r) => [...r.args.filter((a) => a !== SCHEMA), '--if-exists'].map((a) => (/[\s'"]/.test(a) ? `"${a}"` : a)).join(' ')).join('\n');
  const first = appcmdStdin(['batch', '-', SCHEMA, `/apphostconfig:${file}`], script);
  assert.equal(first.code, 0, first.stderr);
  const before = snapshot(file);
  const second = appcmdStdin(['batch', '-', SCHEMA, `/apphostconfig:${file}`], script);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /Unchanged .*: nothing to write\./);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.equal(snapshot(file).mtimeNs, before.mtimeNs);
});

test('the library: collection.remove(keys, { ifExists }) is false for an absent item, 4312 without it', () => {
  const file = tempCopy(corpus06);
  const manager = ServerManager.open(file, { schemaDirs: [referenceSchemaDir] });
  const headers = manager.getApplicationHostConfiguration().getSection('system.webServer/httpProtocol').getChildElement('customHeaders').getCollection();
  assert.equal(headers.remove({ name: 'x-powered-by' }, { ifExists: true }), true);
  assert.equal(headers.remove({ name: 'X-Powered-By' }, { ifExists: true }), false);
  assert.throws(() => headers.remove({ name: 'X-Powered-By' }), (e: unknown) => e instanceof AppcmdError && e.code === 'ELEMENT_NOT_FOUND' && e.win32 === 4312);
  manager.commitChanges();
  assert.doesNotMatch(readFileSync(file, 'utf8'), /X-Powered-By/);
});
