import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ServerManager } from '../../src/config/server-manager.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';
import { wellFormedCorpusFiles } from '../helpers/paths.js';

/** The first site of a file (every well-formed corpus file has at least one). */
function firstSiteName(file: string): string {
  const m = /<site\s+name="([^"]*)"/.exec(readFileSync(file, 'utf8'));
  assert.ok(m?.[1] !== undefined, `no site in ${file}`);
  return m[1];
}

function headline(file: string, site: string, value: string): string[] {
  return [
    'set',
    'config',
    '-section:system.applicationHost/sites',
    `/[name='${site.replace(/'/g, "''")}'].ftpServer.security.ssl.controlChannelPolicy:${value}`,
    '/commit:apphost',
    `/apphostconfig:${file}`,
  ];
}

for (const original of wellFormedCorpusFiles()) {
  test(`headline set on ${basename(original)} changes one line or adds the ssl chain, then is idempotent`, () => {
    const file = tempCopy(original);
    const site = firstSiteName(file);
    const before = readFileSync(file);
    const currently = /<ssl [^>]*controlChannelPolicy="([^"]*)"/.exec(before.toString('utf8'))?.[1];
    const value = currently === 'SslRequire' ? 'SslRequireCredentialsOnly' : 'SslRequire';

    const r = appcmd(headline(file, site, value));
    // Only notes (unvalidated extension elements) may appear, never an error.
    assert.equal(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Note: ') && !/^Changed .*: \+\d+ -\d+ lines\.$/.test(l)).join('\n'), '');
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      'Applied configuration changes to section "system.applicationHost/sites" for "MACHINE/WEBROOT/APPHOST" at configuration commit path "MACHINE/WEBROOT/APPHOST"\n',
    );
    const after = readFileSync(file);
    // Encoding-level promises: BOM and line endings survive.
    assert.equal(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), before.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    const change = lineChange(before.toString('utf8'), after.toString('utf8'));
    if (change.removed.length === 1) {
      assert.equal(change.added.length, 1, 'one line replaced by one line');
      assert.match(change.added[0] ?? '', new RegExp(`controlChannelPolicy="${value}"`));
      const without = (l: string | undefined): string | undefined => l?.replace(/ controlChannelPolicy="[^"]*"/, '');
      assert.equal(without(change.added[0]), without(change.removed[0]), 'nothing else on the line changed');
    } else {
      assert.equal(change.removed.length, 0, `only additions expected, got -${JSON.stringify(change.removed)}`);
      assert.ok(change.added.length >= 1 && change.added.length <= 5, `added ${change.added.length} lines`);
      for (const l of change.added) assert.match(l, /^\s*<\/?(ftpServer|security|ssl)\b[^>]*>\r?\n?$/, `unexpected added line ${JSON.stringify(l)}`);
      const eol = before.includes('\r\n') ? '\r\n' : '\n';
      for (const l of change.added.slice(0, -1)) assert.ok(l.endsWith(eol), 'added lines use the file\'s line ending');
    }
    // The result parses and re-reads to the new value.
    const config = ServerManager.open(file).getApplicationHostConfiguration();
    const siteEl = config.getSection('system.applicationHost/sites').getCollection().find({ name: site });
    assert.ok(siteEl !== undefined);
    const ssl = siteEl.getChildElement('ftpServer').getChildElement('security').getChildElement('ssl');
    assert.equal(ssl.getAttributeValue('controlChannelPolicy'), value);

    // Running the same command again changes nothing and does not rewrite the file.
    const first = snapshot(file);
    const again = appcmd(headline(file, site, value));
    assert.equal(again.code, 0);
    const second = snapshot(file);
    assert.ok(second.bytes.equals(first.bytes), 'byte-identical');
    assert.equal(second.mtimeNs, first.mtimeNs, 'not rewritten');
    assert.equal(second.ino, first.ino, 'not replaced');
  });
}
