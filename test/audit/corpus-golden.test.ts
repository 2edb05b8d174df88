import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { appcmdWith } from '../helpers/cli.js';
import { corpusDir, corpusFile, repoRoot } from '../helpers/paths.js';
import { sarifValidator } from './sarif-schema.js';

/**
 * Corpus 04 and 05 are the same real FTP server with and without a certificate. Their audit is
 * compared with golden files (UPDATE_GOLDEN=1 rewrites them); the corpus folder is written as
 * <corpus> so that the files do not depend on where the checkout lives.
 */
const goldenDir = join(repoRoot, 'test', 'audit', 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

function normalise(text: string): string {
  return text.split(pathToFileURL(corpusDir).href).join('file:///<corpus>').split(corpusDir).join('<corpus>');
}

function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    if (!update) assert.fail(`golden file ${name} was missing and has been written: check it, then run again`);
  }
  assert.equal(actual, readFileSync(file, 'utf8'));
}

const formats = [
  ['txt', []],
  ['json', ['--json']],
  ['sarif', ['/format:sarif']],
] as const;

for (const nn of ['04', '05']) {
  describe(`audit ftpssl of corpus ${nn}`, () => {
    for (const [ext, args] of formats) {
      it(`matches golden/corpus-${nn}.${ext}`, () => {
        const r = appcmdWith(['audit', 'ftpssl', `/apphostconfig:${corpusFile(nn)}`, ...args]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, '');
        golden(`corpus-${nn}.${ext}`, normalise(r.stdout));
      });
    }

    it('fails with /failon:high (the site lets credentials travel in clear text)', () => {
      const r = appcmdWith(['audit', 'ftpssl', `/apphostconfig:${corpusFile(nn)}`, '/failon:high']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^Audit failed: 1 finding at or above high \(\/failon:high\)\.\n$/);
    });
  });
}

describe('the golden SARIF files', () => {
  it('are valid SARIF 2.1.0', { skip: update }, () => {
    const validate = sarifValidator();
    for (const nn of ['04', '05']) assert.deepEqual(validate(JSON.parse(readFileSync(join(goldenDir, `corpus-${nn}.sarif`), 'utf8'))).errors, []);
  });
});
