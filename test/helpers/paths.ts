import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests are compiled to dist/test/..., so walk up to package.json's folder). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** ../shared beside the checkout, as CI provides it. */
export const sharedDir: string = resolve(repoRoot, '..', 'shared');
export const corpusDir: string = join(sharedDir, 'corpus');
export const referenceSchemaDir: string = join(sharedDir, 'reference', 'iis-schema');
export const fixturesDir: string = join(repoRoot, 'fixtures');

/** All corpus config files, sorted by their NN- prefix. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.config'))
    .sort()
    .map((f) => join(corpusDir, f));
}

/** The 23 well-formed corpus files (24 is broken on purpose). */
export function wellFormedCorpusFiles(): string[] {
  return corpusFiles().filter((f) => !/[/\\]24-/.test(f));
}

export function corpusFile(nn: string): string {
  const f = corpusFiles().find((p) => p.includes(`${nn}-`));
  if (f === undefined) throw new Error(`no corpus file ${nn}`);
  return f;
}
