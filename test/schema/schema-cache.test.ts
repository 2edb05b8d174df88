/**
 * The build's caches of the bundled schema and write policy: read instead of the XML while every
 * file has the size and time it had at build time, and describing exactly what the XML describes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPolicyCacheFile, bundledPolicyDir, bundledSchemaCacheFile, bundledSchemaDir, loadSchemaDir } from '../../src/schema/loader.js';
import { readSchemaCache, writeSchemaCache } from '../../src/schema/schema-cache.js';
import type { ElementSchema, SchemaSet } from '../../src/schema/types.js';
import { tempDir } from '../helpers/temp.js';

/** Everything a schema says, as plain data, so two schemas compare with deepEqual. */
function dump(set: SchemaSet): unknown {
  const element = (e: ElementSchema): unknown => ({
    name: e.name,
    attributes: e.attributes.map((a) => ({ ...a })),
    elements: e.elements.map(element),
    isCollectionDefault: e.isCollectionDefault,
    allowUnrecognizedAttributes: e.allowUnrecognizedAttributes,
    collection:
      e.collection === undefined
        ? undefined
        : { ...e.collection, item: element(e.collection.item), keyAttributes: e.collection.keyAttributes.map((k) => k.name) },
  });
  // Through JSON, so that a property left out and one set to undefined read the same.
  return JSON.parse(JSON.stringify({ paths: set.sectionPaths, sections: set.sections.map((s) => ({ path: s.path, ...(element(s) as object) })) }));
}

for (const [what, dir, cache] of [
  ['schema', bundledSchemaDir(), bundledSchemaCacheFile()],
  ['write policy', bundledPolicyDir(), bundledPolicyCacheFile()],
] as const) {
  test(`the build's cache of the bundled ${what} describes what its XML describes`, () => {
    const cached = readSchemaCache(dir, cache);
    assert.ok(cached !== undefined, `${cache} is missing or stale: run npm run build`);
    assert.deepEqual(dump(cached), dump(loadSchemaDir(dir)));
  });
}

test('a cache is not used once a schema file changed since it was written', () => {
  const work = tempDir('appcmd-cache-');
  const dir = join(work, 'schema');
  cpSync(bundledPolicyDir(), dir, { recursive: true });
  const cache = join(work, 'cache.json');
  writeSchemaCache(dir, cache);
  assert.ok(readSchemaCache(dir, cache) !== undefined);
  appendFileSync(join(dir, 'appcmd_policy.xml'), '\n');
  assert.equal(readSchemaCache(dir, cache), undefined);
  assert.equal(readSchemaCache(dir, join(work, 'no-such-cache.json')), undefined);
});

test('a command parses only the sections it asks for: a damaged section leaves the others readable', () => {
  const work = tempDir('appcmd-cache-');
  const cache = join(work, 'cache.json');
  writeSchemaCache(bundledSchemaDir(), cache);
  const bytes = readFileSync(cache);
  const bodyStart = bytes.indexOf(0x0a) + 1;
  const header = JSON.parse(bytes.toString('utf8', 0, bodyStart)) as { sections: [string, number, number][] };
  const asp = header.sections.find(([path]) => path === 'system.webServer/asp');
  assert.ok(asp !== undefined);
  bytes[bodyStart + asp[1]] = 0x21;
  writeFileSync(cache, bytes);
  const set = readSchemaCache(bundledSchemaDir(), cache);
  assert.ok(set !== undefined);
  assert.equal(set.sectionPaths.length, 65);
  assert.equal(set.getSection('system.applicationHost/sites')?.collection?.addElementNames[0], 'site');
  assert.throws(() => set.getSection('system.webServer/asp'), SyntaxError);
});

test('a header longer than the first read is read whole, and every section past it by position', () => {
  const work = tempDir('appcmd-cache-');
  const cache = join(work, 'cache.json');
  writeSchemaCache(bundledSchemaDir(), cache);
  const bytes = readFileSync(cache);
  const bodyStart = bytes.indexOf(0x0a) + 1;
  // JSON allows the padding; section offsets count from the end of the header line.
  const padded = Buffer.concat([bytes.subarray(0, bodyStart - 1), Buffer.alloc(40_000, 0x20), bytes.subarray(bodyStart - 1)]);
  writeFileSync(cache, padded);
  const set = readSchemaCache(bundledSchemaDir(), cache);
  assert.ok(set !== undefined);
  assert.deepEqual(dump(set), dump(loadSchemaDir(bundledSchemaDir())));
});
