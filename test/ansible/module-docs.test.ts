import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDir } from '../helpers/temp.js';
import { MODULES, runAnsible } from './ansible-run.js';

interface ModuleDoc {
  doc: { module: string; short_description: string; options: Record<string, { description: unknown; type?: string }> };
  examples: string;
  return: Record<string, unknown>;
}

/** ansible-doc parses each module's DOCUMENTATION (with the shared fragment), EXAMPLES and RETURN. */
test('ansible-doc reads the documentation of every module of the collection', async () => {
  const r = await runAnsible('ansible-doc', ['--json', ...MODULES.map((m) => `appcmd.iis_config.${m}`)], tempDir('appcmd-ansible-doc-'));
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /WARNING|ERROR/, r.stderr);
  const docs = JSON.parse(r.stdout) as Record<string, ModuleDoc>;
  for (const m of MODULES) {
    const d = docs[`appcmd.iis_config.${m}`];
    assert.ok(d !== undefined, m);
    assert.equal(d.doc.module, m);
    assert.ok(d.doc.short_description.length > 0, m);
    // The shared options come from the doc fragment; every option says what it is.
    for (const o of ['config_file', 'appcmd', 'schema_dir', 'lock_timeout']) assert.ok(d.doc.options[o] !== undefined, `${m}: ${o}`);
    for (const [name, o] of Object.entries(d.doc.options)) assert.ok(o.type !== undefined && o.description !== undefined, `${m}: ${name}`);
    assert.match(d.examples, new RegExp(`appcmd\\.iis_config\\.${m}:`));
    assert.ok(d.return['changed'] !== undefined, `${m}: RETURN documents changed`);
  }
});
