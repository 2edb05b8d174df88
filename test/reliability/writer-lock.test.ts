import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerManager } from '../../src/config/server-manager.js';
import { isAppcmdError } from '../../src/errors.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import { liveProcess, plantLock } from '../store/lock-fixture.js';

const FIXTURE = join(fixturesDir, 'applicationHost.config');
const HEADLINE = "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire";
function SSL(config: ReturnType<ServerManager['getApplicationHostConfiguration']>) {
  const site = config.getSection('system.applicationHost/sites').getCollection().find({ name: 'ftp.example.com' });
  assert.ok(site !== undefined);
  return site.getChildElement('ftpServer').getChildElement('security').getChildElement('ssl');
}

test('a writer holds the lock from before its read until commitChanges, success or failure', () => {
  const file = tempCopy(FIXTURE);
  const lockPath = `${file}.lock`;
  const manager = ServerManager.openForWriting(file);
  assert.equal(existsSync(lockPath), false, 'nothing is taken before the file is read');
  const config = manager.getApplicationHostConfiguration();
  assert.ok(manager.isLocked && existsSync(lockPath));
  SSL(config).setAttributeValue('controlChannelPolicy', 'SslRequire');
  assert.equal(manager.commitChanges().written, true);
  assert.equal(existsSync(lockPath), false);

  const failing = ServerManager.openForWriting(file);
  failing.getApplicationHostConfiguration();
  SSL(failing.getApplicationHostConfiguration()).setAttributeValue('controlChannelPolicy', 'SslAllow');
  // Someone outside the lock (an editor, IIS) changes the file: the commit fails, and still releases.
  // (a different size changes the stamp even within one mtime tick)
  writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('\n')]));
  assert.throws(() => failing.commitChanges(), /changed by another process/);
  assert.equal(existsSync(lockPath), false);
});

test('close() releases a lock taken by a writer that decides not to commit', () => {
  const file = tempCopy(FIXTURE);
  const manager = ServerManager.openForWriting(file);
  manager.getApplicationHostConfiguration();
  assert.ok(existsSync(`${file}.lock`));
  manager.close();
  assert.equal(existsSync(`${file}.lock`), false);
  manager.close();
});

test('a reader never takes the lock and never waits for it', () => {
  const file = tempCopy(FIXTURE);
  const child = liveProcess();
  try {
    plantLock(`${file}.lock`, { pid: child.pid });
    const started = Date.now();
    const r = appcmd(['list', 'config', '-section:sites', `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Date.now() - started < 2000);
    const dry = appcmd(['set', 'config', '-section:sites', HEADLINE, '--dry-run', `/apphostconfig:${file}`]);
    assert.equal(dry.code, 0, dry.stderr);
  } finally {
    child.kill('SIGKILL');
  }
});

test('set config waits up to /locktimeout: for a live writer, then exits 32 with appcmd\'s text and writes nothing', () => {
  const file = tempCopy(FIXTURE);
  const before = snapshot(file);
  const child = liveProcess();
  try {
    plantLock(`${file}.lock`, { pid: child.pid });
    const started = Date.now();
    const r = appcmd(['set', 'config', '-section:sites', HEADLINE, '/locktimeout:0.3', `/apphostconfig:${file}`]);
    const waited = Date.now() - started;
    assert.equal(r.code, 32);
    assert.match(r.stderr, /^ERROR \( message:Failed to commit configuration changes\.\nThe process cannot access the file because it is being used by another process\. \)/);
    assert.match(r.stderr, new RegExp(`process ${child.pid} on `));
    assert.ok(waited >= 290 && waited < 3000, `waited ${waited} ms`);
    assert.deepEqual(snapshot(file), before);
  } finally {
    child.kill('SIGKILL');
  }
});

test('set config takes over a lock left by a killed writer, and leaves no lock behind', () => {
  const file = tempCopy(FIXTURE);
  plantLock(`${file}.lock`, { pid: 999_999_999 });
  const r = appcmd(['set', 'config', '-section:sites', HEADLINE, `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(`${file}.lock`), false);
});

test('a set that fails before committing releases the lock for the next command', () => {
  const file = tempCopy(FIXTURE);
  const bad = appcmd(['set', 'config', '-section:sites', "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:Nope", `/apphostconfig:${file}`]);
  assert.equal(bad.code, 13);
  const good = appcmd(['set', 'config', '-section:sites', HEADLINE, '/locktimeout:0', `/apphostconfig:${file}`]);
  assert.equal(good.code, 0, good.stderr);
  assert.equal(existsSync(`${file}.lock`), false);
});

test('/locktimeout: and --lock-timeout= take seconds; anything else is a bad argument (87)', () => {
  const file = tempCopy(FIXTURE);
  for (const sw of ['/locktimeout:abc', '/locktimeout:-1', '/locktimeout:', '--lock-timeout=1e9', '/locktimeout:100000']) {
    const r = appcmd(['set', 'config', '-section:sites', HEADLINE, sw, `/apphostconfig:${file}`]);
    assert.equal(r.code, 87, `${sw}: ${r.stderr}`);
    assert.match(r.stderr, /Invalid lock timeout/);
  }
  assert.equal(appcmd(['set', 'config', '-section:sites', HEADLINE, '--lock-timeout=2.5', `/apphostconfig:${file}`]).code, 0);
});

test('a writer whose lock was taken over (judged abandoned) writes nothing at commit', () => {
  const file = tempCopy(FIXTURE);
  const before = snapshot(file);
  const manager = ServerManager.openForWriting(file);
  SSL(manager.getApplicationHostConfiguration()).setAttributeValue('controlChannelPolicy', 'SslRequire');
  plantLock(`${file}.lock`, { pid: process.pid, token: 'the-new-holder' });
  assert.throws(() => manager.commitChanges(), (e: unknown) => {
    assert.ok(isAppcmdError(e) && e.code === 'FILE_BUSY');
    assert.match(e.hints.join(''), /taken over by another writer/);
    return true;
  });
  assert.deepEqual(snapshot(file), before);
  assert.match(readFileSync(`${file}.lock`, 'utf8'), /the-new-holder/, "the new holder's lock is left alone");
});
