import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fuzz } from './engine.js';
import { corpusFiles, fixturesDir } from '../helpers/paths.js';

// A fixed seed keeps CI deterministic; `npm run fuzz` draws a new one each run (and prints it).
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_251_125);
const CASES = Number(process.env['FUZZ_CASES'] ?? 1000);

test(`mutation fuzzer, ${CASES} cases (seed ${SEED}): no crash, no stack trace, no file changed by a failed command`, async (t) => {
  const report = await fuzz({ cases: CASES, seed: SEED, corpus: [...corpusFiles(), join(fixturesDir, 'applicationHost.config')] });
  t.diagnostic(`${report.cases} cases in ${report.ms} ms: ${report.mutatedFiles} on damaged files, ${report.randomCommandLines} random command lines, ${report.writes} writes; exit codes ${JSON.stringify(report.exitCodes)}`);
  // The fuzzer must reach both outcomes, or it proves nothing.
  assert.ok((report.exitCodes['0'] ?? 0) > CASES / 20, 'too few commands succeeded');
  assert.ok(report.writes > CASES / 50, 'too few commands wrote the file');
  assert.ok((report.exitCodes['13'] ?? 0) > CASES / 10, 'too few damaged files were refused');
  const summary = report.failures.map((f) => `#${f.index} seed ${f.caseSeed}: ${f.findings.join(',')} exit ${f.code} ${JSON.stringify(f.argv)} [${f.mutations.join(', ')}] ${f.stderr.slice(0, 200)}`);
  assert.deepEqual(summary, []);
});
