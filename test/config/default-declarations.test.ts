/**
 * The declarations IIS ships (schema/declarations/): every bundled section is declared either by a
 * fresh applicationHost.config or by one of IIS's other files, the fresh declarations are what the
 * full IIS files of the corpus declare, and a file that declares nothing still gets IIS's
 * AppHostOnly checks, locks and section list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readSectionDeclarations, type SectionDeclaration } from '../../src/config/section-registry.js';
import { bundledSchema, bundledSchemaDir } from '../../src/schema/loader.js';
import { parseXml } from '../../src/xml/reader.js';
import { appcmd } from '../helpers/cli.js';
import { corpusFile } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { EMPTY_CONFIG } from '../cli/empty-config.js';

function declarationsIn(file: string): Map<string, SectionDeclaration> {
  return readSectionDeclarations(parseXml(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { fileName: file })).declarations;
}

const fresh = declarationsIn(join(bundledSchemaDir(), 'declarations', 'applicationHost.xml'));
const elsewhere = declarationsIn(join(bundledSchemaDir(), 'declarations', 'otherFiles.xml'));

test('every bundled section is declared by a fresh applicationHost.config or by another IIS file, never both', () => {
  for (const path of bundledSchema().sectionPaths) {
    const key = path.toLowerCase();
    assert.ok(fresh.has(key) !== elsewhere.has(key), path);
  }
  assert.equal(fresh.size, 56);
  assert.equal(elsewhere.size, 9);
  for (const key of [...fresh.keys(), ...elsewhere.keys()]) assert.ok(bundledSchema().getSection(key) !== undefined, key);
});

test('the fresh declarations are what the full IIS files of the corpus declare', () => {
  // 13 is Hostable Web Core's own file and the others are IIS Express's: they loosen some sections.
  for (const nn of ['01', '02', '06', '10', '15', '16', '20', '21', '22', '23']) {
    const file = corpusFile(nn);
    let compared = 0;
    for (const [key, d] of declarationsIn(file)) {
      const ours = fresh.get(key);
      if (ours === undefined) continue;
      assert.deepEqual([ours.path, ours.allowDefinition, ours.overrideModeDefault], [d.path, d.allowDefinition, d.overrideModeDefault], `${basename(file)} ${d.path}`);
      compared++;
    }
    assert.ok(compared >= 40, `${basename(file)}: only ${compared} sections compared`);
  }
});

/** A file with a site and no <configSections>, as a generator or a trimmed copy leaves it. */
function undeclaredFile(): string {
  const file = join(tempDir('appcmd-undeclared-'), 'applicationHost.config');
  writeFileSync(file, EMPTY_CONFIG);
  assert.equal(appcmd(['add', 'site', '/name:Default Web Site', '/bindings:http/*:80:', '/physicalPath:/srv/www', `/apphostconfig:${file}`]).code, 0);
  return file;
}

test('a file without <configSections> still gets AppHostOnly checks and default locks from the fresh declarations', () => {
  const file = undeclaredFile();
  const before = readFileSync(file);
  for (const section of ['globalModules', 'httpCompression', 'fastCgi', 'security/isapiCgiRestriction', 'system.ftpServer/log']) {
    const r = appcmd(['set', 'config', 'Default Web Site', `-section:${section}`, '/clear', '/commit:apphost', `/apphostconfig:${file}`]);
    assert.equal(r.code, 33, `${section}: ${r.stderr}`);
    assert.match(r.stderr, /allowDefinition="AppHostOnly"/);
    assert.equal(appcmd(['unlock', 'config', 'Default Web Site', `-section:${section}`, `/apphostconfig:${file}`]).code, 33, section);
  }
  assert.ok(readFileSync(file).equals(before), 'nothing written');
  const ok = appcmd(['set', 'config', 'Default Web Site', '-section:defaultDocument', '/enabled:false', '/commit:apphost', `/apphostconfig:${file}`]);
  assert.equal(ok.code, 0, ok.stderr);
  const locked = (section: string): string | undefined =>
    /locked="(true|false)"/.exec(appcmd(['list', 'config', 'Default Web Site', `-section:${section}`, '/xml', `/apphostconfig:${file}`]).stdout)?.[1];
  assert.equal(locked('anonymousAuthentication'), 'true', 'overrideModeDefault="Deny"');
  assert.equal(locked('defaultDocument'), 'false', 'overrideModeDefault="Allow"');
  assert.equal(appcmd(['unlock', 'config', '-section:anonymousAuthentication', `/apphostconfig:${file}`]).code, 0);
  assert.equal(locked('anonymousAuthentication'), 'false', 'unlocked at the server level');
});

test("list config /section:? offers every applicationHost section, and short names skip IIS's other files", () => {
  const file = undeclaredFile();
  const names = appcmd(['list', 'config', '/section:?', `/apphostconfig:${file}`]).stdout.trim().split('\n');
  assert.equal(names.length, 56);
  assert.ok(names.every((n) => n.startsWith('system.')), names.join('\n'));
  assert.ok(!names.some((n) => n.includes('/management/')));
  const resolved = (name: string): string =>
    /CONFIG\.SECTION="([^"]+)"/.exec(appcmd(['list', 'config', `-section:${name}`, '/xml', `/apphostconfig:${file}`]).stdout)?.[1] ?? '';
  assert.equal(resolved('modules'), 'system.webServer/modules');
  assert.equal(resolved('authentication'), 'system.ftpServer/security/authentication');
  assert.equal(resolved('authorization'), '', 'ambiguous: security/authorization of the web server and of FTP');
});
