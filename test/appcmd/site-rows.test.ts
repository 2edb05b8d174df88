import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { objectValue, type AppObject } from '../../src/appcmd/app-object.js';
import { siteFieldsFromRows } from '../../src/appcmd/site-rows.js';
import { listSites } from '../../src/appcmd/sites.js';
import type { Configuration } from '../../src/config/configuration.js';
import { ServerManager } from '../../src/config/server-manager.js';
import { AppcmdError } from '../../src/errors.js';
import { ElementNode } from '../../src/xml/document.js';
import { fixturesDir, wellFormedCorpusFiles } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const SITES = 'system.applicationHost/sites';

function open(file: string): Configuration {
  return ServerManager.open(file, { readOnly: true }).getApplicationHostConfiguration();
}

/** Everything a rendering reads of a SITE object, with its element as the row of the node it stands for. */
function shape(o: AppObject): unknown {
  const node = o.element.node;
  const values = ['name', 'ID', 'serverAutoStart', 'limits.maxBandwidth', 'nosuch'].map((n) => objectValue(o, n));
  return { type: o.type, name: o.name, properties: o.properties, summary: o.summary, view: o.view, values, row: node instanceof ElementNode ? node.index : node };
}

function withSites(text: (fixture: string) => string): Configuration {
  const file = join(tempDir('site-rows'), 'applicationHost.config');
  writeFileSync(file, text(readFileSync(join(fixturesDir, 'applicationHost.config'), 'utf8')));
  return open(file);
}

test('list site read from the rows gives the objects the element model gives, on every corpus file', () => {
  let fromRows = 0;
  for (const file of [join(fixturesDir, 'applicationHost.config'), ...wellFormedCorpusFiles()]) {
    const rows = open(file);
    let section;
    try {
      section = rows.getSection(SITES);
    } catch (e) {
      // A sites section IIS would refuse to read is refused the same way by both.
      if (e instanceof AppcmdError) continue;
      throw e;
    }
    if (siteFieldsFromRows(section)?.some((f) => f !== undefined) === true) fromRows++;
    assert.deepEqual(listSites(rows).map(shape), listSites(open(file), 'model').map(shape), file);
  }
  assert.ok(fromRows > 15, `only ${fromRows} files were read from the rows`);
});

test('a site whose values come from siteDefaults or the schema is read through the model', () => {
  const config = withSites((t) =>
    t.replace('<siteDefaults>', '<siteDefaults serverAutoStart="false">').replace(/(<site name="ftp\.intranet" id="3">[\s\S]*?)<bindings>[\s\S]*?<\/bindings>/, '$1'),
  );
  const fields = siteFieldsFromRows(config.getSection(SITES));
  assert.ok(fields !== undefined);
  assert.equal(fields[2], undefined, 'a site with no written binding is left to the model');
  const sites = listSites(config);
  assert.deepEqual(sites.map(shape), listSites(config, 'model').map(shape));
  assert.equal(sites.find((s) => s.name === 'Default Web Site')?.view['serverAutoStart'], false, 'siteDefaults gives serverAutoStart');
  assert.equal(sites.find((s) => s.name === 'ftp.example.com')?.view['serverAutoStart'], true);
});

test('a site whose bindings have a <clear/> leaves the whole list to the element model, which applies it', () => {
  const last = '<binding protocol="ftp" bindingInformation="*:2121:" />';
  for (const edit of [(t: string) => t.replace('<bindings>', '<bindings><clear />'), (t: string) => t.replace(last, `<binding protocol="ftp" bindingInformation="*:9:" /><clear />${last}`)]) {
    const config = withSites(edit);
    assert.equal(siteFieldsFromRows(config.getSection(SITES)), undefined);
    assert.deepEqual(listSites(config).map(shape), listSites(config, 'model').map(shape));
  }
});

test('after an edit the rows are no longer the file, and the sites come from the model', () => {
  const config = open(join(fixturesDir, 'applicationHost.config'));
  const site = config.getSection(SITES).getCollection().items()[0];
  assert.ok(site !== undefined);
  site.getChildElement('bindings').getCollection().add({ protocol: 'https', bindingInformation: '*:443:' });
  assert.equal(siteFieldsFromRows(config.getSection(SITES)), undefined);
  assert.match(listSites(config)[0]?.summary[1]?.[1] ?? '', /https\/\*:443:/);
});
