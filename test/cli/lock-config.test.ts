import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { corpusDir, referenceSchemaDir } from '../helpers/paths.js';

// Corpus file 06 has windowsAuthentication at the server level and the usual unlock block,
// `<location path="" overrideMode="Allow">` holding <modules> and <handlers>.
const corpus06 = join(corpusDir, '06-Nordstrom-epg-interview-sysadmin.config');
const UNLOCK_BLOCK = '<location path="" overrideMode="Allow">';
const SECTION = '-section:system.webServer/security/authentication/windowsAuthentication';

/**
 * The server-level <location> blocks of a file, each as its start tag and what it holds: M for the
 * <modules> of the corpus's block, W for windowsAuthentication. Comments are left out (file 06
 * shows a <location> in one).
 */
function serverLocations(text: string): string[] {
  const bare = text.replace(/<!--[\s\S]*?-->/g, '');
  return [...bare.matchAll(/(<location\b[^>]*>)([\s\S]*?)<\/location>/g)].map((m) => `${m[1] ?? ''} ${/<modules>/.test(m[2] ?? '') ? 'M' : ''}${/<windowsAuthentication\b/.test(m[2] ?? '') ? 'W' : ''}`);
}

interface Shape {
  readonly name: string;
  /** What the corpus's unlock block starts with in this case. */
  readonly start: string;
  readonly verbs: readonly ('lock' | 'unlock')[];
  /** The server-level locations afterwards (serverLocations). */
  readonly expected: readonly string[];
}

const SHAPES: readonly Shape[] = [
  { name: 'path="" Allow: unlock reuses it', start: UNLOCK_BLOCK, verbs: ['unlock'], expected: ['<location path="" overrideMode="Allow"> MW'] },
  { name: 'path="." Allow: unlock reuses it', start: '<location path="." overrideMode="Allow">', verbs: ['unlock'], expected: ['<location path="." overrideMode="Allow"> MW'] },
  {
    name: 'path="" Allow: lock, then unlock moves the section back into it',
    start: UNLOCK_BLOCK,
    verbs: ['lock', 'unlock'],
    expected: ['<location path="" overrideMode="Allow"> MW'],
  },
  {
    name: 'path="" Deny: unlock adds an Allow location, lock moves the section into the Deny one',
    start: '<location path="" overrideMode="Deny">',
    verbs: ['unlock', 'lock'],
    expected: ['<location path="" overrideMode="Deny"> MW'],
  },
  {
    name: 'inheritInChildApplications="false": not joined (it would change what child applications inherit)',
    start: '<location path="" overrideMode="Allow" inheritInChildApplications="false">',
    verbs: ['unlock'],
    expected: ['<location path="" overrideMode="Allow" inheritInChildApplications="false"> M', '<location path="" overrideMode="Allow"> W'],
  },
  {
    name: 'inheritInChildApplications="false" first, then overrideMode: the same',
    start: '<location path="." inheritInChildApplications="false" overrideMode="Allow">',
    verbs: ['lock', 'unlock'],
    expected: ['<location path="." inheritInChildApplications="false" overrideMode="Allow"> M', '<location path="" overrideMode="Allow"> W'],
  },
  {
    name: 'another attribute, no mode: unlock leaves it alone',
    start: '<location path="" inheritInChildApplications="true">',
    verbs: ['unlock'],
    expected: ['<location path="" inheritInChildApplications="true"> M', '<location path="" overrideMode="Allow"> W'],
  },
  { name: 'legacy allowOverride="true" is an Allow location', start: '<location path="" allowOverride="true">', verbs: ['unlock'], expected: ['<location path="" allowOverride="true"> MW'] },
  {
    name: 'legacy allowOverride="false" is a Deny location',
    start: '<location path="" allowOverride="false">',
    verbs: ['unlock', 'lock'],
    expected: ['<location path="" allowOverride="false"> MW'],
  },
];

for (const shape of SHAPES) {
  test(`lock/unlock config on an existing <location>: ${shape.name}; the last command run again changes nothing`, () => {
    const file = tempCopy(corpus06);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes(UNLOCK_BLOCK));
    writeFileSync(file, text.replace(UNLOCK_BLOCK, shape.start));
    for (const verb of shape.verbs) {
      const r = appcmd([verb, 'config', SECTION, `/schemadir:${referenceSchemaDir}`, `/apphostconfig:${file}`]);
      assert.equal(r.code, 0, r.stderr);
    }
    assert.deepEqual(serverLocations(readFileSync(file, 'utf8')), shape.expected);
    const before = snapshot(file);
    const again = appcmd([shape.verbs[shape.verbs.length - 1] ?? 'unlock', 'config', SECTION, `/schemadir:${referenceSchemaDir}`, `/apphostconfig:${file}`]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /Unchanged/);
    assert.ok(snapshot(file).bytes.equals(before.bytes));
    // The file still reads, with the section at the server level in the mode of the last command.
    const listed = appcmd(['list', 'config', SECTION, `/schemadir:${referenceSchemaDir}`, `/apphostconfig:${file}`]);
    assert.equal(listed.code, 0, listed.stderr);
  });
}
