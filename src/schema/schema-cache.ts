/**
 * The bundled schema, pre-read at build time. Reading the schema XML is the largest cost of a
 * command on a small file (cold code run once per start); the
 * build writes the merged sections as JSON next to the compiled code, and a command reads that
 * instead while every schema file still has the size and time it had at build time. The schema
 * stays data in IIS's format: the cache is derived from it and rebuilt by `npm run build`.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { schemaFilesIn } from './schema-folder.js';
import type { DraftSection } from './draft.js';
import { loadSchemaDrafts, schemaFromDrafts } from './read-schema.js';
import type { SchemaSet } from './types.js';

interface CacheFile {
  readonly files: ReadonlyArray<{ readonly name: string; readonly size: number; readonly mtimeMs: number }>;
  readonly drafts: DraftSection[];
}

function schemaFiles(dir: string): { name: string; path: string; size: number; mtimeMs: number }[] {
  return schemaFilesIn(dir).map((path) => {
    const s = statSync(path);
    return { name: basename(path), path, size: s.size, mtimeMs: s.mtimeMs };
  });
}

/** Writes the cache for the schema folder `dir` to `cacheFile`. */
export function writeSchemaCache(dir: string, cacheFile: string): void {
  const files = schemaFiles(dir);
  const drafts = loadSchemaDrafts(files.map((f) => ({ name: f.path, text: readFileSync(f.path, 'utf8') })));
  const content: CacheFile = { files: files.map(({ name, size, mtimeMs }) => ({ name, size, mtimeMs })), drafts };
  writeFileSync(cacheFile, JSON.stringify(content));
}

/** The cached schema of `dir`, or undefined when there is no cache or a schema file changed since. */
export function readSchemaCache(dir: string, cacheFile: string): SchemaSet | undefined {
  let content: CacheFile;
  try {
    content = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  const files = schemaFiles(dir);
  const same =
    files.length === content.files.length &&
    files.every((f, i) => {
      const c = content.files[i];
      return c !== undefined && c.name === f.name && c.size === f.size && c.mtimeMs === f.mtimeMs;
    });
  return same ? schemaFromDrafts(content.drafts, files.map((f) => f.path)) : undefined;
}
