import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ServerManager } from '../../src/config/server-manager.js';
import { generatedConfig } from './generated-config.js';
import { spawnAppcmd, type ProcessResult } from './spawn-cli.js';

const WRITERS = 32;
// The full figure of the issue (5 rounds) with APPCMD_RELIABILITY_FULL=1; CI runs 2 to stay quick.
const ROUNDS = process.env['APPCMD_RELIABILITY_FULL'] === '1' ? 5 : 2;
const SITES = 200;
// Generous: 32 node processes on a small CI machine queue behind one another for seconds.
const LOCK_TIMEOUT = '/locktimeout:120';

function sites(file: string): ReturnType<ReturnType<ReturnType<ServerManager['getApplicationHostConfiguration']>['getSection']>['getCollection']> {
  return ServerManager.open(file).getApplicationHostConfiguration().getSection('system.applicationHost/sites').getCollection();
}

function assertAllSucceeded(results: readonly ProcessResult[]): void {
  results.forEach((r, i) => assert.equal(r.code, 0, `writer ${i} exited ${String(r.code)}: ${r.stderr}`));
}

/** No lock file and no temp file may outlive the writers. */
function assertNoLitter(file: string): void {
  assert.deepEqual(readdirSync(dirname(file)), [basename(file)]);
}

test(`${WRITERS} processes at once, each adding its own site: all present, file well-formed (x${ROUNDS})`, async () => {
  const file = generatedConfig(SITES);
  for (let round = 0; round < ROUNDS; round++) {
    const names = Array.from({ length: WRITERS }, (_, k) => `round${round}-writer${k}`);
    const results = await Promise.all(
      names.map((name, k) =>
        spawnAppcmd(['set', 'config', '-section:system.applicationHost/sites', `/+[name='${name}',id='${100_000 + round * 100 + k}']`, '/commit:apphost', `/apphostconfig:${file}`, LOCK_TIMEOUT]),
      ),
    );
    assertAllSucceeded(results);
    // Opening parses the whole file (well-formed) and validates the sites section.
    const collection = sites(file);
    for (const name of names) assert.ok(collection.find({ name }) !== undefined, `round ${round}: site ${name} was lost`);
    assert.equal(collection.items().length, SITES + (round + 1) * WRITERS);
    assertNoLitter(file);
  }
});

test(`${WRITERS} processes at once, each changing its own existing site: no update lost (x${ROUNDS})`, async () => {
  const file = generatedConfig(SITES);
  for (let round = 0; round < ROUNDS; round++) {
    const value = (k: number): number => 1000 + round * 100 + k;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, k) =>
        spawnAppcmd([
          'set',
          'config',
          '-section:sites',
          `/[name='site-${k + 1}'].limits.maxConnections:${value(k)}`,
          `/[name='site-${k + 1}'].serverAutoStart:${round % 2 === 0 ? 'false' : 'true'}`,
          `/apphostconfig:${file}`,
          LOCK_TIMEOUT,
        ]),
      ),
    );
    assertAllSucceeded(results);
    const collection = sites(file);
    for (let k = 0; k < WRITERS; k++) {
      const site = collection.find({ name: `site-${k + 1}` });
      assert.ok(site !== undefined);
      assert.equal(site.getChildElement('limits').getAttribute('maxConnections').text, String(value(k)), `round ${round}: writer ${k}'s update was lost`);
      assert.equal(site.getAttribute('serverAutoStart').text, round % 2 === 0 ? 'false' : 'true');
    }
    assertNoLitter(file);
  }
});
