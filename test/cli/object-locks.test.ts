import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import { liveProcess, plantLock } from '../store/lock-fixture.js';

const fixture = join(fixturesDir, 'applicationHost.config');

test('every object verb that writes waits for another writer\'s lock (32 after /locktimeout:), and list does not', () => {
  const file = tempCopy(fixture);
  assert.equal(appcmd(['add', 'backup', 'b', `/apphostconfig:${file}`]).code, 0);
  const before = snapshot(file);
  const child = liveProcess();
  try {
    plantLock(`${file}.lock`, { pid: child.pid });
    const writes = [
      ['add', 'site', '/name:x'],
      ['set', 'site', 'ftp.intranet', '/serverAutoStart:false'],
      ['delete', 'site', 'ftp.intranet'],
      ['stop', 'site', 'ftp.intranet'],
      ['start', 'apppool', 'FtpPool'],
      ['add', 'apppool', '/name:p'],
      ['set', 'app', 'ftp.intranet/', '/applicationPool:FtpPool'],
      ['delete', 'vdir', 'ftp.intranet/'],
      ['restore', 'backup', 'b'],
    ];
    for (const args of writes) {
      const r = appcmd([...args, '/locktimeout:0', `/apphostconfig:${file}`]);
      assert.equal(r.code, 32, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal(appcmd(['list', 'site', `/apphostconfig:${file}`]).code, 0);
    assert.ok(snapshot(file).bytes.equals(before.bytes));
  } finally {
    child.kill('SIGKILL');
  }
});
