import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { certSet, withKey, writeStoreFolder } from '../cert/store-fixture.js';
import { fixturesDir, corpusFile } from '../helpers/paths.js';
import { appcmdWith } from '../helpers/cli.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const ESC = '\u001b[';
const audit = (args: string[], options: Parameters<typeof appcmdWith>[1] = {}): ReturnType<typeof appcmdWith> =>
  appcmdWith(['audit', 'ftpssl', ...args, `/apphostconfig:${fixture}`], options);

describe('appcmd audit ftpssl', () => {
  it('colours severities on a terminal only, and never with NO_COLOR', () => {
    const tty = audit([], { isTTY: true });
    assert.ok(tty.stdout.includes(`${ESC}31mHIGH`), 'high in red on a terminal');
    assert.ok(!audit([], { isTTY: true, env: { NO_COLOR: '1' } }).stdout.includes(ESC));
    assert.ok(!audit([]).stdout.includes(ESC), 'no colour into a pipe');
    assert.ok(audit([], { isTTY: true, env: { NO_COLOR: '' } }).stdout.includes(ESC), 'an empty NO_COLOR does not count');
    assert.ok(!audit(['--json'], { isTTY: true }).stdout.includes(ESC), 'never inside JSON');
  });

  it('sets the exit status with /failon:', () => {
    assert.equal(audit([]).code, 0, 'report only by default');
    assert.equal(audit(['/failon:high']).code, 1);
    assert.equal(audit(['/failon:NONE']).code, 0);
    const r = audit(['/failon:bogus']);
    assert.equal(r.code, 87);
    assert.match(r.stderr, /Invalid \/failon value "bogus": use high, medium, low or none/);
  });

  it('does not fail below the threshold', () => {
    const r = appcmdWith(['audit', 'ftpssl', `/apphostconfig:${corpusFile('04')}`, '/failon:medium']);
    assert.equal(r.code, 1, 'corpus 04 has a high finding');
    const certs = writeStoreFolder({ My: { 'a.pem': withKey(certSet().valid) } });
    const json = JSON.parse(appcmdWith(['audit', 'ftpssl', `/apphostconfig:${corpusFile('04')}`, `/certstore:${certs}`, '--json', '/failon:high']).stdout) as { failed: boolean; failOn: string; sites: { findings: { ruleId: string }[] }[] };
    assert.equal(json.failOn, 'high');
    assert.equal(json.failed, true);
    assert.deepEqual(json.sites[0]?.findings.map((f) => f.ruleId), ['FTPS001', 'FTPS011', 'FTPS008'], 'the hash of corpus 04 is not in the folder');
  });

  it('audits one site by name, and refuses unknown formats and sites', () => {
    const one = audit(['ftp.intranet']);
    assert.match(one.stdout, /SITE "ftp.intranet"/);
    assert.doesNotMatch(one.stdout, /SITE "ftp.example.com"/);
    assert.equal(audit(['/format:xml']).code, 87);
    assert.equal(audit(['--json', '/format:sarif']).code, 87);
    assert.equal(audit(['nosuchsite']).code, 1168);
  });

  it('prints SARIF with /format:sarif', () => {
    const sarif = JSON.parse(audit(['/format:sarif']).stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0]?.results.map((r) => r.ruleId), ['FTPS001', 'FTPS006']);
  });
});
