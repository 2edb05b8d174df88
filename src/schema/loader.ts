/**
 * Where schemas come from: texts, files, a folder laid out like IIS's
 * %windir%\system32\inetsrv\config\schema, or the files this package ships in schema/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppcmdError } from '../errors.js';
import { loadSchema, type LoadOptions } from './read-schema.js';
import { readSchemaCache } from './schema-cache.js';
import { schemaFilesIn } from './schema-folder.js';
import type { SchemaSet } from './types.js';

export { loadSchema, type LoadOptions, type SchemaSource } from './read-schema.js';

export function loadSchemaFiles(paths: readonly string[], options: LoadOptions = {}): SchemaSet {
  return loadSchema(
    paths.map((path) => ({ name: path, text: readSchemaText(path) })),
    options,
  );
}

/**
 * Every *.xml file of the folder, as IIS loads its schema folder. Name order (case-insensitive)
 * makes the result independent of how the file system lists the folder: which declaration of a
 * merged section comes first decides only the order of its children.
 */
export function loadSchemaDir(dir: string, options: LoadOptions = {}): SchemaSet {
  return loadSchemaFiles(schemaFilesIn(dir), options);
}

/** Several folders read as one, as if their files were in IIS's one schema folder. */
export function loadSchemaDirs(dirs: readonly string[], options: LoadOptions = {}): SchemaSet {
  return loadSchemaFiles(dirs.flatMap(schemaFilesIn), options);
}


/**
 * The schema/ folder of this package. The code runs either as compiled modules (dist/src/schema/)
 * or bundled into one file (dist/appcmd.cjs), so the folder is found by walking up to the package.
 */
export function bundledSchemaDir(): string {
  // Found once: a command asks for it several times (schema, its cache, the policy and its cache).
  bundledDir ??= findBundledSchemaDir();
  return bundledDir;
}

let bundledDir: string | undefined;

function findBundledSchemaDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schema');
    if (existsSync(join(candidate, 'appcmd_sites.xml'))) return candidate;
    const up = resolve(dir, '..');
    if (up === dir) throw new AppcmdError('FILE_NOT_FOUND', 'The bundled schema folder (schema/) of this package is missing.');
    dir = up;
  }
}

/** Where the build writes the pre-read bundled schema (see schema-cache.ts). */
export function bundledSchemaCacheFile(dir: string = bundledSchemaDir()): string {
  return join(dir, '..', 'dist', 'schema-cache.json');
}

/** The folder of the write policy files (schema/policy/) and the cache the build writes of it. */
export function bundledPolicyDir(dir: string = bundledSchemaDir()): string {
  return join(dir, 'policy');
}

export function bundledPolicyCacheFile(dir: string = bundledSchemaDir()): string {
  return join(dir, '..', 'dist', 'policy-cache.json');
}

let bundled: SchemaSet | undefined;

/** The schema files this package ships, loaded once per process. */
export function bundledSchema(): SchemaSet {
  const dir = bundledSchemaDir();
  // Our own files, tested whole: safe to build each section only when a command needs it.
  bundled ??= readSchemaCache(dir, bundledSchemaCacheFile(dir)) ?? loadSchemaDir(dir, { lazy: true });
  return bundled;
}

/** Schema files are UTF-8 (ASCII in practice); a UTF-16 file, marked by its BOM, is read too. */
function readSchemaText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new AppcmdError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_IO', `Cannot read schema file ${path}`, { file: path, cause: e });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
