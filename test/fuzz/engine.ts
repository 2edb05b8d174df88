import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { commandForFile, commandLine } from './command-lines.js';
import { mutate } from './mutations.js';
import { runCase, type Finding } from './oracle.js';
import { Prng } from './prng.js';

export interface FuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /** The config files mutated and run against. */
  readonly corpus: readonly string[];
  /** Where failing cases are saved (file + command line), to be replayed by hand. */
  readonly saveDir?: string;
}

export interface FuzzFailure {
  readonly index: number;
  readonly caseSeed: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly argv: readonly string[];
  readonly findings: readonly Finding[];
  readonly code: number;
  readonly stderr: string;
  readonly savedAs?: string;
}

export interface FuzzReport {
  readonly cases: number;
  readonly seed: number;
  readonly mutatedFiles: number;
  readonly randomCommandLines: number;
  readonly writes: number;
  /** How many cases ended with each exit status. */
  readonly exitCodes: Readonly<Record<string, number>>;
  readonly failures: readonly FuzzFailure[];
  readonly ms: number;
}

/**
 * The mutation fuzzer: each case takes a corpus file, and either damages it (byte flips,
 * truncation, duplicated attributes, unbalanced tags, hostile markup, encoding damage) and runs
 * a common command on it, or keeps it and runs a random command line; often both. Every case
 * derives from (seed, index) alone, so a failure is replayed from the two numbers.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const originals = options.corpus.map((path) => ({ path, bytes: readFileSync(path), firstSite: /<site\s+name="([^"]*)"/.exec(readFileSync(path, 'latin1'))?.[1] }));
  const exitCodes: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let mutatedFiles = 0;
  let randomCommandLines = 0;
  let writes = 0;
  const dir = mkdtempSync(join(tmpdir(), 'appcmd-fuzz-'));
  const file = join(dir, 'applicationHost.config');
  try {
    for (let index = 0; index < options.cases; index++) {
      const caseSeed = (Math.imul(options.seed, 0x9e3779b1) + index) >>> 0;
      const rng = new Prng(caseSeed);
      const source = rng.pick(originals);
      const mutateFile = rng.chance(0.6);
      const randomArgs = !mutateFile || rng.chance(0.25);
      const damaged = mutateFile ? mutate(source.bytes, rng) : { bytes: source.bytes, names: [] };
      const argv = randomArgs ? commandLine(rng) : commandForFile(rng, source.firstSite);
      if (mutateFile) mutatedFiles++;
      if (randomArgs) randomCommandLines++;
      writeFileSync(file, damaged.bytes);
      const result = await runCase(file, argv);
      exitCodes[String(result.code)] = (exitCodes[String(result.code)] ?? 0) + 1;
      if (result.wrote) writes++;
      if (result.findings.length > 0) {
        const failure: FuzzFailure = { index, caseSeed, source: basename(source.path), mutations: damaged.names, argv, findings: result.findings, code: result.code, stderr: result.stderr };
        failures.push(options.saveDir === undefined ? failure : { ...failure, savedAs: save(options.saveDir, failure, damaged.bytes) });
      }
      // Each case starts clean, whatever the last one left.
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { cases: options.cases, seed: options.seed, mutatedFiles, randomCommandLines, writes, exitCodes, failures, ms: Date.now() - started };
}

function save(saveDir: string, failure: FuzzFailure, bytes: Buffer): string {
  mkdirSync(saveDir, { recursive: true });
  const base = join(saveDir, `case-${failure.caseSeed}`);
  writeFileSync(`${base}.config`, bytes);
  writeFileSync(`${base}.json`, JSON.stringify({ ...failure, replay: ['node', 'bin/appcmd.js', ...failure.argv, `/apphostconfig:${base}.config`] }, null, 2) + '\n');
  return base;
}
