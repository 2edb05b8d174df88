import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerManager } from '../../../src/config/server-manager.js';
import { AppcmdError } from '../../../src/errors.js';
import { rowRenderer } from '../../../src/cli/render/config-rows.js';
import { renderSection } from '../../../src/cli/render/config-text.js';
import { fixturesDir, wellFormedCorpusFiles } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

/** Both renderings of every schema section written at server level in `file`; how many took the rows. */
function compareRenderings(file: string): { sections: number; fromRows: number } {
  const config = ServerManager.open(file).getApplicationHostConfiguration();
  let sections = 0;
  let fromRows = 0;
  for (const path of config.schema.sectionPaths) {
    let section;
    try {
      section = config.getSection(path);
    } catch (e) {
      // Sections IIS would refuse to read (the corpus has a few) are not rendered at all.
      if (e instanceof AppcmdError) continue;
      throw e;
    }
    if (section.node === undefined) continue;
    sections++;
    if (rowRenderer(section, 'masked') !== undefined) fromRows++;
    for (const secrets of ['masked', 'shown'] as const) {
      const rows: string[] = [];
      const model: string[] = [];
      renderSection(path, section, 'explicit', secrets, (l) => rows.push(l));
      renderSection(path, section, 'explicit', secrets, (l) => model.push(l), 'model');
      assert.deepEqual(rows, model, `${file}: ${path} (${secrets})`);
    }
  }
  return { sections, fromRows };
}

test('list config read from the rows prints what the element model prints, on every corpus file', () => {
  let fromRows = 0;
  for (const file of [join(fixturesDir, 'applicationHost.config'), ...wellFormedCorpusFiles()]) fromRows += compareRenderings(file).fromRows;
  // The corpus is mostly sections without <clear/>: most of them must take the fast path.
  assert.ok(fromRows > 100, `only ${fromRows} sections were read from the rows`);
});

test('a collection with <clear/> is left to the element model, which applies them', () => {
  const dir = tempDir('config-rows');
  const file = join(dir, 'applicationHost.config');
  const text = readFileSync(join(fixturesDir, 'applicationHost.config'), 'utf8');
  writeFileSync(file, text.replace('<bindings>', '<bindings><clear />'));
  const sites = ServerManager.open(file).getApplicationHostConfiguration().getSection('system.applicationHost/sites');
  assert.equal(rowRenderer(sites, 'masked'), undefined);
  const lines: string[] = [];
  renderSection('system.applicationHost/sites', sites, 'explicit', 'masked', (l) => lines.push(l));
  assert.ok(lines.length > 10);
});

test('a section read through a location that inherits is left to the element model', () => {
  const manager = ServerManager.open(join(fixturesDir, 'applicationHost.config'));
  const site = manager.getApplicationHostConfiguration().getSection('system.ftpServer/security/authentication', 'ftp.intranet');
  assert.equal(rowRenderer(site, 'masked'), undefined);
});
