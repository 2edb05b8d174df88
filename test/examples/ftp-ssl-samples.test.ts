/**
 * The seed's samples, ported (examples/ftp-ssl-csharp.ts from Microsoft.Web.Administration,
 * examples/ftp-ssl-javascript.ts from AHADMIN), must leave exactly the file that the seed's appcmd
 * commands leave: the same bytes, on the bundled fixture and on every corpus file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main as csharpSample } from '../../examples/ftp-ssl-csharp.js';
import { main as javascriptSample } from '../../examples/ftp-ssl-javascript.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir, wellFormedCorpusFiles } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const SAMPLES = [
  ['C# (Microsoft.Web.Administration)', csharpSample],
  ['JavaScript (AHADMIN)', javascriptSample],
] as const;

/** The seed's appcmd commands, run through the in-process CLI; returns the exit codes. */
function appcmdSample(file: string): number[] {
  return ['controlChannelPolicy', 'dataChannelPolicy'].map((attribute) => {
    const r = appcmd([
      'set',
      'config',
      '-section:system.applicationHost/sites',
      `/[name='Default Web Site'].ftpServer.security.ssl.${attribute}:SslRequire`,
      '/commit:apphost',
      `/apphostconfig:${file}`,
    ]);
    return r.code;
  });
}

for (const [name, sample] of SAMPLES) {
  test(`${name} sample writes the same bytes as the appcmd commands`, () => {
    const bySample = tempCopy(fixture, 'applicationHost.config');
    const byAppcmd = tempCopy(fixture, 'applicationHost.config');
    sample(bySample);
    assert.deepEqual(appcmdSample(byAppcmd), [0, 0]);
    const written = readFileSync(bySample);
    assert.ok(!written.equals(readFileSync(fixture)), 'the sample changed the file');
    assert.equal(written.toString('utf8'), readFileSync(byAppcmd, 'utf8'));
    // "Default Web Site" has no <ftpServer>: the chain is added, both policies on one <ssl>.
    assert.match(written.toString('utf8'), /<ssl controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire" \/>/);
  });

  test(`${name} sample run twice: the second run does not rewrite the file`, () => {
    const file = tempCopy(fixture, 'applicationHost.config');
    sample(file);
    const first = snapshot(file);
    sample(file);
    const second = snapshot(file);
    assert.ok(second.bytes.equals(first.bytes));
    assert.equal(second.mtimeNs, first.mtimeNs);
    assert.equal(second.ino, first.ino);
  });

  test(`${name} sample on every corpus file: the same bytes as appcmd, or the same refusal with the file untouched`, () => {
    let changed = 0;
    for (const corpus of wellFormedCorpusFiles()) {
      const bySample = tempCopy(corpus, 'applicationHost.config');
      const byAppcmd = tempCopy(corpus, 'applicationHost.config');
      const codes = appcmdSample(byAppcmd);
      const before = snapshot(bySample);
      let failure: unknown;
      try {
        sample(bySample);
      } catch (e) {
        failure = e;
      }
      if (codes.every((c) => c === 0)) {
        assert.equal(failure, undefined, `${corpus}: appcmd succeeded, the sample threw ${String(failure)}`);
        assert.equal(readFileSync(bySample, 'utf8'), readFileSync(byAppcmd, 'utf8'), corpus);
        changed++;
      } else {
        // Files without a "Default Web Site": appcmd says 1168, the sample "Element not found!".
        assert.ok(failure instanceof Error, `${corpus}: appcmd failed (${codes.join(', ')}), the sample did not`);
        assert.ok(snapshot(bySample).bytes.equals(before.bytes), corpus);
      }
    }
    assert.ok(changed >= 5, `only ${changed} corpus files have a "Default Web Site" the samples could change`);
  });
}
