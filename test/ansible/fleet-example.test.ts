import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { appcmdTool, runAnsible } from './ansible-run.js';

const HOSTS = ['ftp01', 'ftp02', 'ftp03'];

interface Stats {
  stats: Record<string, { changed: number; failures: number; ok: number }>;
}

/** ansible/examples as shipped, run as its header says: check mode, for real, and again. */
test('the FTPS fleet example: check mode changes nothing, the real run configures every host, the next run has changed=0', async () => {
  const dir = tempDir('appcmd-fleet-example-');
  cpSync(join(repoRoot, 'ansible', 'examples'), dir, { recursive: true });
  mkdirSync(join(dir, 'tmp'));
  const fixture = readFileSync(join(fixturesDir, 'applicationHost.config'));
  for (const h of HOSTS) {
    mkdirSync(join(dir, 'fleet', h), { recursive: true });
    cpSync(join(fixturesDir, 'applicationHost.config'), join(dir, 'fleet', h, 'applicationHost.config'));
  }
  const fileOf = (h: string): Buffer => readFileSync(join(dir, 'fleet', h, 'applicationHost.config'));
  const playbook = async (...args: string[]): Promise<Stats> => {
    const r = await runAnsible('ansible-playbook', ['-i', join(dir, 'inventory.yml'), join(dir, 'ftps-fleet.yml'), '-e', JSON.stringify({ appcmd_tool: appcmdTool }), ...args], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as Stats;
  };
  const changedPerHost = (s: Stats): number[] => HOSTS.map((h) => s.stats[h]?.changed ?? -1);

  const check = await playbook('--check', '--diff');
  assert.deepEqual(changedPerHost(check), [2, 2, 2]);
  for (const h of HOSTS) assert.ok(fileOf(h).equals(fixture), `${h}: check mode writes nothing`);

  const real = await playbook();
  assert.deepEqual(changedPerHost(real), [2, 2, 2]);
  const thumbprints = { ftp01: '0F3A55129B7C442081AA6D3E9012C45B770E9C21', ftp02: '77B0C3D1E2F4051627384950A1B2C3D4E5F641DE', ftp03: '5A1D0E7C9B2F4A6E8D0C1B3A5F7E9D2C4B6A8F01' };
  for (const h of HOSTS) {
    const text = fileOf(h).toString('utf8');
    assert.match(text, new RegExp(`<ssl controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire" serverCertHash="${thumbprints[h as keyof typeof thumbprints]}" serverCertStoreName="${h === 'ftp03' ? 'WebHosting' : 'My'}" ssl128="true" />`));
    assert.match(text, /<binding protocol="ftp" bindingInformation="\*:990:" \/>/);
  }
  const after = HOSTS.map(fileOf);

  const again = await playbook();
  assert.deepEqual(changedPerHost(again), [0, 0, 0]);
  HOSTS.forEach((h, i) => assert.ok(fileOf(h).equals(after[i] ?? Buffer.alloc(0)), `${h}: the third run leaves the bytes as they were`));
});
