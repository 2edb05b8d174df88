import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { makeSiteTree } from '../helpers/site-tree.js';
import { APPCMD_BIN, spawnAppcmd } from './spawn-cli.js';

// A web.config write has the guarantees of an applicationHost.config write (crash-kill.test.ts):
// writers killed at random moments leave the old or the new bytes, and the next one cleans up.
const KILLS = process.env['APPCMD_RELIABILITY_FULL'] === '1' ? 100 : 10;
const HEADERS = 20_000;

test(`${KILLS} writers of a web.config SIGKILLed at random moments: always exactly the old or the new bytes`, async (t) => {
  const tree = makeSiteTree();
  const file = tree.webConfig(tree.siteFolder);
  const headers = Array.from({ length: HEADERS }, (_, i) => `                <add name="X-Header-${i}" value="value ${i}" />`).join('\r\n');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\r\n<configuration>\r\n    <system.webServer>\r\n        <directoryBrowse enabled="true" />\r\n        <httpProtocol>\r\n            <customHeaders>\r\n${headers}\r\n            </customHeaders>\r\n        </httpProtocol>\r\n    </system.webServer>\r\n</configuration>\r\n`);
  const args = (value: string): string[] => ['set', 'config', 'Shop', '-section:directoryBrowse', `/enabled:${value}`, ...tree.args, '/locktimeout:60'];
  const a = readFileSync(file);
  const started = Date.now();
  const first = await spawnAppcmd(args('false'));
  const runMs = Date.now() - started;
  assert.equal(first.code, 0, first.stderr);
  const b = readFileSync(file);
  assert.notDeepEqual(a, b);
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    const before = readFileSync(file);
    const toB = before.equals(a);
    const delay = Math.random() < 0.5 ? Math.random() * runMs * 1.3 : runMs * (0.6 + Math.random() * 0.5);
    const signal = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
      const child = spawn(process.execPath, [APPCMD_BIN, ...args(toB ? 'false' : 'true')], { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      child.on('error', reject);
      child.on('exit', (_code, s) => {
        clearTimeout(timer);
        resolve(s);
      });
    });
    if (signal === 'SIGKILL') killed++;
    const after = readFileSync(file);
    assert.ok(after.equals(before) || after.equals(toB ? b : a), `kill ${i}: the web.config is neither the old nor the new content`);
  }
  t.diagnostic(`${KILLS} runs, ${killed} killed`);
  // The next writer takes over the abandoned locks and removes the abandoned temp files.
  const last = await spawnAppcmd(args(readFileSync(file).equals(a) ? 'false' : 'true'));
  assert.equal(last.code, 0, last.stderr);
  assert.deepEqual(readdirSync(tree.siteFolder).sort(), ['blog', 'web.config']);
  assert.deepEqual(readdirSync(tree.root).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp')), []);
});
