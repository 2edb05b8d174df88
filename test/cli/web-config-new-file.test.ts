/**
 * A web.config this tool creates is the file IIS starts one with: the XML declaration IIS writes
 * (`<?xml version="1.0" encoding="UTF-8"?>`, no byte order mark), `<configuration>`, each level
 * indented by four spaces, CRLF line ends, a final line end. The goldens are written by hand
 * (test/golden/web-config), not produced by the code under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { appcmd } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { makeSiteTree } from '../helpers/site-tree.js';

test('a new web.config holding a collection item is byte for byte what IIS writes', () => {
  const t = makeSiteTree();
  const r = appcmd(['set', 'config', 'Shop/api', '-section:system.webServer/defaultDocument', "/+files.[value='home.htm']", ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assertGolden('web-config/new-collection.config', readFileSync(t.webConfig(t.apiFolder), 'latin1'));
});

test('a new web.config that gets a <location path> (/commit:site) is byte for byte what IIS writes', () => {
  const t = makeSiteTree();
  assert.equal(existsSync(t.webConfig(t.siteFolder)), false);
  const r = appcmd(['set', 'config', 'Shop/blog', '-section:system.webServer/directoryBrowse', '/enabled:true', '/commit:site', ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  assertGolden('web-config/new-location.config', readFileSync(t.webConfig(t.siteFolder), 'latin1'));
});

test('the new file starts with the declaration itself, not a byte order mark', () => {
  const t = makeSiteTree();
  assert.equal(appcmd(['set', 'config', 'Shop/api', '-section:directoryBrowse', '/enabled:true', ...t.args]).code, 0);
  assert.deepEqual([...readFileSync(t.webConfig(t.apiFolder)).subarray(0, 5)], [...Buffer.from('<?xml')]);
});
