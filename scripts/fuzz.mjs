#!/usr/bin/env node
// Mutation fuzzer over the corpus and over command lines (test/fuzz/engine.ts, compiled by
// `npm run build`). Usage: npm run fuzz -- [--cases N] [--seed S] [--save DIR]
// Exits 1 when any case crashed, printed a stack trace, or changed the file after failing.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzz } from '../dist/test/fuzz/engine.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    save: { type: 'string', default: join(tmpdir(), 'appcmd-fuzz-failures') },
    corpus: { type: 'string', default: '../shared/corpus' },
  },
});
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const corpusDir = resolve(values.corpus);
const corpus = [
  ...readdirSync(corpusDir).filter((f) => f.endsWith('.config')).map((f) => join(corpusDir, f)),
  resolve('fixtures/applicationHost.config'),
];

console.log(`fuzzing ${values.cases} cases over ${corpus.length} files, seed ${seed}`);
const report = await fuzz({ cases: Number(values.cases), seed, corpus, saveDir: resolve(values.save) });
const byFinding = {};
for (const f of report.failures) for (const k of f.findings) byFinding[k] = (byFinding[k] ?? 0) + 1;
console.log(
  [
    `cases:                         ${report.cases} in ${(report.ms / 1000).toFixed(1)} s`,
    `  with a mutated file:         ${report.mutatedFiles}`,
    `  with a random command line:  ${report.randomCommandLines}`,
    `  that wrote the file:         ${report.writes}`,
    `exit codes:                    ${Object.entries(report.exitCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}×${n}`).join(' ')}`,
    `uncaught exceptions:           ${byFinding.uncaught ?? 0}`,
    `internal errors (1359):        ${byFinding.internal ?? 0}`,
    `stack traces shown:            ${byFinding['stack-trace'] ?? 0}`,
    `failures with no message:      ${byFinding['silent-failure'] ?? 0}`,
    `changed files after failure:   ${byFinding['changed-on-failure'] ?? 0}`,
    `successful writes unreadable:  ${byFinding['broken-write'] ?? 0}`,
    `lock/temp files left behind:   ${byFinding.litter ?? 0}`,
  ].join('\n'),
);
for (const f of report.failures.slice(0, 20)) {
  console.log(`\n#${f.index} (case seed ${f.caseSeed}) ${f.findings.join(', ')} — exit ${f.code}, ${f.source}${f.mutations.length > 0 ? ` [${f.mutations.join(', ')}]` : ''}`);
  console.log(`  argv: ${JSON.stringify(f.argv)}`);
  console.log(`  ${f.stderr.split('\n').slice(0, 4).join('\n  ')}`);
  if (f.savedAs !== undefined) console.log(`  saved: ${f.savedAs}.config / .json`);
}
if (report.failures.length > 0) {
  console.log(`\nreproduce: npm run fuzz -- --cases ${report.cases} --seed ${seed}`);
  process.exit(1);
}
