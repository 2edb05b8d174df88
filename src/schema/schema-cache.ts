/**
 * The bundled schema, pre-read at build time. Reading the schema XML is the largest cost of a
 * command on a small file (cold code run once per start); the
 * build writes the merged sections as JSON next to the compiled code, and a command reads that
 * instead while every schema file still has the size and time it had at build time. The schema
 * stays data in IIS's format: the cache is derived from it and rebuilt by `npm run build`.
 *
 * A command needs one or two of the 65 sections, so the file is a small header (the files it was
 * made from, and where each section's JSON lies) followed by one JSON text per section: a start
 * parses the header, and each section is parsed when first asked for. Parsing all of them cost
 * ~2 ms per start, growing with every section the schema gains.
 */
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { schemaFilesIn } from './schema-folder.js';
import type { DraftSection } from './draft.js';
import { freezeSchema } from './model.js';
import { loadSchemaDrafts } from './read-schema.js';
import type { SchemaSet } from './types.js';

interface CacheHeader {
  readonly files: ReadonlyArray<{ readonly name: string; readonly size: number; readonly mtimeMs: number }>;
  /** Each section's path and the [start, end) byte range of its JSON after the header line. */
  readonly sections: ReadonlyArray<readonly [string, number, number]>;
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
  const bodies = drafts.map((d) => Buffer.from(JSON.stringify(d)));
  let offset = 0;
  const sections = drafts.map((d, i): [string, number, number] => {
    const start = offset;
    offset += bodies[i]?.length ?? 0;
    return [d.path, start, offset];
  });
  const header: CacheHeader = { files: files.map(({ name, size, mtimeMs }) => ({ name, size, mtimeMs })), sections };
  writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies]));
}

/**
 * How much of the cache a start reads first: the header (~4 kB today) and usually the first
 * sections. The rest is read by position when a section is asked for, because reading the whole
 * ~340 kB cost every command a buffer of fresh pages (~1 ms on this VM; bench/NOTES.md).
 */
const FIRST_READ = 16 * 1024;

/** The cached schema of `dir`, or undefined when there is no cache or a schema file changed since. */
export function readSchemaCache(dir: string, cacheFile: string): SchemaSet | undefined {
  let head: Buffer;
  let header: CacheHeader;
  let bodyStart: number;
  try {
    head = readAt(cacheFile, 0, FIRST_READ);
    bodyStart = head.indexOf(0x0a) + 1;
    if (bodyStart === 0) {
      // A header longer than the first read: the whole file, as before.
      head = readFileSync(cacheFile);
      bodyStart = head.indexOf(0x0a) + 1;
    }
    header = JSON.parse(head.toString('utf8', 0, bodyStart)) as CacheHeader;
  } catch {
    return undefined;
  }
  const files = schemaFiles(dir);
  const same =
    bodyStart > 0 &&
    files.length === header.files.length &&
    files.every((f, i) => {
      const c = header.files[i];
      return c !== undefined && c.name === f.name && c.size === f.size && c.mtimeMs === f.mtimeMs;
    });
  if (!same) return undefined;
  const ranges = new Map(header.sections.map(([path, start, end]) => [path.toLowerCase(), [bodyStart + start, bodyStart + end] as const]));
  return freezeSchema(
    header.sections.map(([path]) => path),
    (key) => {
      const range = ranges.get(key);
      if (range === undefined) return undefined;
      const [start, end] = range;
      const bytes = end <= head.length ? head.subarray(start, end) : readAt(cacheFile, start, end - start);
      if (bytes.length !== end - start) throw new Error(`the schema cache ${cacheFile} changed while in use; run npm run build`);
      return JSON.parse(bytes.toString('utf8')) as DraftSection;
    },
    files.map((f) => f.path),
  );
}

/** Up to `length` bytes of `file` from `position` (fewer at its end). */
function readAt(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    let n = 0;
    while (n < length) {
      const r = readSync(fd, buffer, n, length - n, position + n);
      if (r === 0) break;
      n += r;
    }
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
