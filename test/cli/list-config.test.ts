import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { appcmd, snapshot } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { corpusFile, fixturesDir, referenceSchemaDir, wellFormedCorpusFiles } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');

test('list config -section:sites shows the attributes written in the file (golden)', () => {
  const r = appcmd(['list', 'config', '-section:sites', `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 0, r.stderr);
  assertGolden('list-config-sites.txt', r.stdout);
});

test('list config /config:* shows every effective value: explicit, then siteDefaults, then the schema default (golden)', () => {
  const r = appcmd(['list', 'config', '-section:system.applicationHost/sites', '/config:*', `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 0, r.stderr);
  assertGolden('list-config-sites-all.txt', r.stdout);
  // ftp.intranet sets nothing under ftpServer: its store comes from siteDefaults, its policies from the schema.
  const intranet = r.stdout.slice(r.stdout.indexOf('<site name="ftp.intranet"'));
  assert.match(intranet, /<ssl serverCertHash="" serverCertStoreName="WebHosting" ssl128="false" controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire" \/>/);
});

test('list config of one FTP section', () => {
  const r = appcmd(['list', 'config', '-section:firewallSupport', `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '<system.ftpServer>\n  <firewallSupport lowDataChannelPort="50000" highDataChannelPort="50100" />\n</system.ftpServer>\n');
});

test('list config without a section lists every section in the file, each validated by the bundled schema', () => {
  const r = appcmd(['list', 'config', `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 0, r.stderr);
  assertGolden('list-config-all.txt', r.stdout);
  assert.doesNotMatch(r.stderr, /no schema describes/);
});

test('list config /section:? lists the sections known to the schema and declared in the file', () => {
  const r = appcmd(['list', 'config', '/section:?', `/apphostconfig:${fixture}`]);
  assert.equal(r.code, 0, r.stderr);
  assertGolden('list-config-section-names.txt', r.stdout);
});

for (const file of wellFormedCorpusFiles()) {
  test(`list config -section:sites succeeds on ${basename(file)} (bundled and real IIS schema)`, () => {
    for (const schemaArgs of [[], [`/schemadir:${referenceSchemaDir}`]]) {
      const r = appcmd(['list', 'config', '-section:system.applicationHost/sites', ...schemaArgs, `/apphostconfig:${file}`]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^<system\.applicationHost>\n {2}<sites>\n/);
      assert.match(r.stdout, /<site name="/);
    }
  });
}

for (const nn of ['22', '23']) {
  test(`corpus ${nn}: list config is as strict as IIS on applicationPools, yet the sites section reads fine`, () => {
    const file = corpusFile(nn);
    const r = appcmd(['list', 'config', '-section:system.applicationHost/applicationPools', `/apphostconfig:${file}`]);
    assert.equal(r.code, 13);
    const expected = nn === '22' ? "The 'name' attribute is invalid\\.  Invalid application pool name" : "Unrecognized attribute 'testAuto'";
    assert.match(r.stderr, new RegExp(`^ERROR \\( message:Configuration error\\nFilename: .*${nn}-jexuswebserver-JexusManager\\.config\\nLine Number: \\d+\\nDescription: ${expected}\\n\\. \\)\\n`));
    const all = appcmd(['list', 'config', `/apphostconfig:${file}`]);
    assert.equal(all.code, 13, 'listing every section reads applicationPools too');
    const sites = appcmd(['list', 'config', '-section:sites', `/apphostconfig:${file}`]);
    assert.equal(sites.code, 0, sites.stderr);
  });
}

test('corpus 24 (not well-formed): list config fails with the file name and the line, file untouched', () => {
  const file = corpusFile('24');
  const before = snapshot(file);
  const r = appcmd(['list', 'config', '-section:sites', `/apphostconfig:${file}`]);
  assert.equal(r.code, 13);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Filename: .*24-jexuswebserver-JexusManager\.config\nLine Number: 1135\n/);
  assert.match(r.stderr, /element <configuration> opened at line 1134 is not closed/);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

/** Sections the files hold that neither of Microsoft's schema files describes (WebDAV, ARR, Advanced Logging, ASP.NET Core). */
const OUTSIDE_IIS_SCHEMA = /^(system\.webServer\/webdav\/|system\.webServer\/advancedLogging\/|system\.applicationHost\/advancedLogging$|system\.webServer\/(diskCache|proxy|aspNetCore)$|webFarms$)/;

test('full list config validates every section of every well-formed corpus file except the schema-invalid 21, 22 and 23', () => {
  for (const file of wellFormedCorpusFiles()) {
    if (/[/\\]2[123]-/.test(file)) continue;
    const r = appcmd(['list', 'config', `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, `${basename(file)}: ${r.stderr}`);
    for (const [, section] of r.stderr.matchAll(/no schema describes section "([^"]+)"/g)) {
      assert.match(section ?? '', OUTSIDE_IIS_SCHEMA, `${basename(file)}: ${section ?? ''} is listed as unvalidated`);
    }
  }
});

test("corpus 21: a cache profile's duration 00:00:00 breaks the schema, with IIS's text and line, bundled or real schema", () => {
  const file = corpusFile('21');
  for (const schemaArgs of [[], [`/schemadir:${referenceSchemaDir}`]]) {
    for (const section of [[], ['-section:system.webServer/caching']]) {
      const r = appcmd(['list', 'config', ...section, ...schemaArgs, `/apphostconfig:${file}`]);
      assert.equal(r.code, 13);
      assert.equal(
        r.stderr,
        `ERROR ( message:Configuration error\nFilename: ${file}\nLine Number: 285\n` +
          "Description: The 'duration' attribute is invalid.  Timespan value must be between 00:00:01 and 49.17:02:47 seconds inclusive, with a granularity of 1 seconds\n. )\n",
      );
    }
  }
  const sites = appcmd(['list', 'config', '-section:sites', `/apphostconfig:${file}`]);
  assert.equal(sites.code, 0, sites.stderr);
});

test('a missing file is a clear error', () => {
  const r = appcmd(['list', 'config', '/apphostconfig:/nonexistent/applicationHost.config']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /does not exist/);
});
