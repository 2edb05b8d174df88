import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { fixturesDir } from '../helpers/paths.js';
import { appcmdStdin } from './io-runner.js';
import { tempDir } from '../helpers/temp.js';

const fixture = join(fixturesDir, 'applicationHost.config');

/** A server-like layout: inetsrv/config holding applicationHost.config and its two neighbours. */
function serverLayout(): { inetsrv: string; config: string } {
  const inetsrv = join(tempDir('appcmd-backup-'), 'inetsrv');
  mkdirSync(join(inetsrv, 'config'), { recursive: true });
  const config = join(inetsrv, 'config', 'applicationHost.config');
  copyFileSync(fixture, config);
  writeFileSync(join(inetsrv, 'config', 'administration.config'), '<configuration><!-- admin v1 --></configuration>\n');
  writeFileSync(join(inetsrv, 'config', 'redirection.config'), '<configuration><!-- redirection v1 --></configuration>\n');
  return { inetsrv, config };
}

test('BACKUP: add, list, restore, delete with appcmd\'s texts, in IIS\'s backup folder (golden)', () => {
  const { inetsrv, config } = serverLayout();
  const log: string[] = [];
  const run = (...args: string[]): { code: number; stdout: string; stderr: string } => {
    const r = appcmdStdin([...args, `/apphostconfig:${config}`]);
    log.push(`$ appcmd ${args.join(' ')}`, `exit ${r.code}`, ...(r.stdout === '' ? [] : [r.stdout.replace(/\n$/, '')]), ...r.stderr.split('\n').filter((l) => l !== '').map((l) => `! ${l}`), '');
    return r;
  };
  assert.equal(run('add', 'backup', 'MyBackup').stdout, 'BACKUP object "MyBackup" added\n');
  assert.deepEqual(readdirSync(join(inetsrv, 'backup', 'MyBackup')).sort(), ['administration.config', 'applicationHost.config', 'redirection.config']);
  const unnamed = run('add', 'backup');
  assert.match(unnamed.stdout, /^BACKUP object "\d{8}T\d{6}" added\n$/);
  assert.equal(run('add', 'backup', 'MyBackup').code, 183);
  assert.equal(run('add', 'backup', '../escape').code, 13);
  assert.match(run('list', 'backup').stdout, /^BACKUP "\d{8}T\d{6}"\nBACKUP "MyBackup"\n$/);
  run('list', 'backups', 'MyBackup', '/xml');
  assert.equal(run('list', 'backup', 'nosuch').code, 1168);

  // Change the configuration and its neighbours, then restore: all three come back.
  const original = snapshot(config).bytes;
  assert.equal(appcmdStdin(['delete', 'site', 'ftp.intranet', `/apphostconfig:${config}`]).code, 0);
  writeFileSync(join(inetsrv, 'config', 'administration.config'), '<configuration><!-- admin v2 --></configuration>\n');
  const changed = snapshot(config).bytes;
  const dry = run('restore', 'backup', 'MyBackup', '--dry-run');
  assert.match(dry.stdout, /^\+ {12}<site name="ftp.intranet" id="3">\r$/m);
  assert.ok(snapshot(config).bytes.equals(changed), 'a dry run writes nothing');
  const restored = run('restore', 'backup', 'MyBackup');
  assert.equal(restored.stdout, 'Restored configuration from backup "MyBackup"\n');
  assert.ok(snapshot(config).bytes.equals(original));
  assert.match(readFileSync(join(inetsrv, 'config', 'administration.config'), 'utf8'), /admin v1/);
  // The configuration the restore replaced was itself backed up first.
  const saved = /saved as backup "(beforeRestore-\d{8}T\d{6})"/.exec(restored.stderr)?.[1] ?? '';
  assert.ok(readFileSync(join(inetsrv, 'backup', saved, 'applicationHost.config')).equals(changed));
  assert.match(readFileSync(join(inetsrv, 'backup', saved, 'administration.config'), 'utf8'), /admin v2/);

  assert.equal(run('restore', 'backup').code, 87);
  assert.equal(run('restore', 'backup', 'nosuch').code, 1168);
  assert.equal(run('delete', 'backup', 'MyBackup').stdout, 'BACKUP object "MyBackup" deleted\n');
  assert.ok(!existsSync(join(inetsrv, 'backup', 'MyBackup')));
  assert.equal(run('delete', 'backup', 'MyBackup').code, 1168);
  assertGolden('objects/backup.txt', log.join('\n').split(inetsrv).join('$INETSRV').replace(/\d{8}T\d{6}/g, 'yyyyMMddTHHmmss') + '\n');
});

test('a file outside a "config" folder gets a backup folder beside it; /backupdir: puts backups anywhere', () => {
  const dir = tempDir('appcmd-backup-');
  const config = join(dir, 'site.config');
  copyFileSync(fixture, config);
  assert.equal(appcmdStdin(['add', 'backup', 'b1', `/apphostconfig:${config}`]).code, 0);
  assert.ok(existsSync(join(dir, 'backup', 'b1', 'applicationHost.config')));
  const elsewhere = join(dir, 'elsewhere');
  assert.equal(appcmdStdin(['add', 'backup', 'b2', `/backupdir:${elsewhere}`, `/apphostconfig:${config}`]).code, 0);
  assert.ok(readFileSync(join(elsewhere, 'b2', 'applicationHost.config')).equals(readFileSync(config)));
  const listed = JSON.parse(appcmdStdin(['list', 'backup', `/backupdir:${elsewhere}`, '--json', `/apphostconfig:${config}`]).stdout) as { name: string; files: string[] }[];
  assert.deepEqual(listed.map((b) => [b.name, b.files]), [['b2', ['applicationHost.config']]]);
});

test('a backup whose file is not well-formed is not restored, and nothing is written', () => {
  const { inetsrv, config } = serverLayout();
  assert.equal(appcmdStdin(['add', 'backup', 'b', `/apphostconfig:${config}`]).code, 0);
  writeFileSync(join(inetsrv, 'backup', 'b', 'applicationHost.config'), '<configuration><sites></configuration>');
  const before = snapshot(config);
  const r = appcmdStdin(['restore', 'backup', 'b', `/apphostconfig:${config}`]);
  assert.equal(r.code, 13, r.stderr);
  assert.ok(snapshot(config).bytes.equals(before.bytes));
  assert.deepEqual(readdirSync(join(inetsrv, 'backup')), ['b']);
});

test('restore repairs a broken or deleted configuration file', () => {
  const { config } = serverLayout();
  const good = snapshot(config).bytes;
  assert.equal(appcmdStdin(['add', 'backup', 'good', `/apphostconfig:${config}`]).code, 0);
  writeFileSync(config, '<configuration><sites>');
  assert.equal(appcmdStdin(['list', 'site', `/apphostconfig:${config}`]).code, 13);
  const r = appcmdStdin(['restore', 'backup', 'good', `/apphostconfig:${config}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(snapshot(config).bytes.equals(good));
  unlinkSync(config);
  assert.equal(appcmdStdin(['restore', 'backup', 'good', `/apphostconfig:${config}`]).code, 0);
  assert.ok(snapshot(config).bytes.equals(good));
});
