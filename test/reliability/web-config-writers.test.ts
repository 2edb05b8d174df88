import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { makeSiteTree, type SiteTree } from '../helpers/site-tree.js';
import { appcmd } from '../helpers/cli.js';
import { spawnAppcmd } from './spawn-cli.js';

// concurrent-writers.test.ts for a web.config: 32 processes at once, most adding their own item
// to one site's web.config, the others to a <location> in applicationHost.config; none may lose
// another's update, the files stay well-formed and no lock or temp file is left.
const WRITERS = 32;
const TO_APPHOST = 8;
const ROUNDS = process.env['APPCMD_RELIABILITY_FULL'] === '1' ? 5 : 2;
// Generous: 32 node processes on a small CI machine queue behind one another for seconds.
const LOCK_TIMEOUT = '/locktimeout:120';

function writerArgs(tree: SiteTree, round: number, k: number): string[] {
  const header = `/+customHeaders.[name='X-R${round}-W${k}',value='${k}']`;
  return k < TO_APPHOST
    ? ['set', 'config', 'Shop/api', '-section:system.webServer/httpProtocol', header, '/commit:apphost', ...tree.args, LOCK_TIMEOUT]
    : ['set', 'config', 'Shop', '-section:system.webServer/httpProtocol', header, ...tree.args, LOCK_TIMEOUT];
}

/** The effective custom header names at a path: reading parses every file on the way and validates the section. */
function headerNames(tree: SiteTree, path: string): string[] {
  const r = appcmd(['list', 'config', path, '-section:httpProtocol', ...tree.args]);
  assert.equal(r.code, 0, r.stderr);
  return [...r.stdout.matchAll(/<add name="([^"]+)"/g)].map((m) => m[1] ?? '');
}

test(`${WRITERS} processes at once on one web.config (and ${TO_APPHOST} on applicationHost.config): every change present, files well-formed (x${ROUNDS})`, async () => {
  const tree = makeSiteTree();
  writeFileSync(tree.webConfig(tree.siteFolder), '<?xml version="1.0" encoding="UTF-8"?>\r\n<configuration>\r\n    <system.webServer>\r\n        <directoryBrowse enabled="true" />\r\n    </system.webServer>\r\n</configuration>\r\n');
  for (let round = 0; round < ROUNDS; round++) {
    const results = await Promise.all(Array.from({ length: WRITERS }, (_, k) => spawnAppcmd(writerArgs(tree, round, k))));
    results.forEach((r, k) => assert.equal(r.code, 0, `round ${round}, writer ${k} exited ${String(r.code)}: ${r.stderr}`));
    const site = headerNames(tree, 'Shop');
    const api = headerNames(tree, 'Shop/api');
    for (let r = 0; r <= round; r++) {
      for (let k = 0; k < WRITERS; k++) {
        const name = `X-R${r}-W${k}`;
        if (k < TO_APPHOST) {
          assert.ok(api.includes(name) && !site.includes(name), `round ${round}: ${name} (applicationHost.config) was lost`);
        } else {
          assert.ok(site.includes(name), `round ${round}: ${name} (web.config) was lost`);
        }
      }
    }
    // Shop/api inherits the site root's web.config: every header of both kinds, once each.
    assert.equal(api.length, new Set(api).size);
    assert.equal(readFileSync(tree.webConfig(tree.siteFolder), 'utf8').match(/<add name="X-/g)?.length, (round + 1) * (WRITERS - TO_APPHOST));
    assert.deepEqual(readdirSync(tree.siteFolder).sort(), ['blog', 'web.config']);
    assert.deepEqual(readdirSync(tree.root).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp')), []);
  }
});
