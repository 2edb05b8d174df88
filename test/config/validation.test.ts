import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerManager } from '../../src/config/server-manager.js';
import { appcmd, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');

/** The fixture with one invalid value in the Default Web Site (line of `<site name="Default Web Site"`). */
function withInvalidDefaultSite(): string {
  const file = tempCopy(fixture);
  const text = readFileSync(file, 'utf8').replace('<site name="Default Web Site" id="1">', '<site name="Default Web Site" id="1" serverAutoStart="maybe">');
  writeFileSync(file, text);
  return file;
}

test("'section' validation (list config, the library default) reports a bad value anywhere in the section, with its line", () => {
  const file = withInvalidDefaultSite();
  const config = ServerManager.open(file).getApplicationHostConfiguration();
  assert.throws(() => config.getSection('system.applicationHost/sites'), (e: unknown) => {
    const err = e as { code: string; message: string; line: number };
    assert.equal(err.code, 'CONFIG_INVALID');
    assert.equal(err.message, "The 'serverAutoStart' attribute is invalid.  Not a valid boolean value");
    assert.equal(err.line, readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('serverAutoStart="maybe"')) + 1);
    return true;
  });
  const r = appcmd(['list', 'config', '-section:sites', `/apphostconfig:${file}`]);
  assert.equal(r.code, 13);
});

test("'touched' validation (set config) checks the item it reaches and leaves other items to list config", () => {
  const file = withInvalidDefaultSite();
  const bad = appcmd(['set', 'config', '-section:sites', "/[name='Default Web Site'].serverAutoStart:false", `/apphostconfig:${file}`]);
  assert.equal(bad.code, 13, 'the edited site itself is checked');
  assert.match(bad.stderr, /Description: The 'serverAutoStart' attribute is invalid\. {2}Not a valid boolean value/);
  const other = appcmd(['set', 'config', '-section:sites', "/[name='ftp.intranet'].serverAutoStart:false", `/apphostconfig:${file}`]);
  assert.equal(other.code, 0, other.stderr);
  assert.match(readFileSync(file, 'utf8'), /serverAutoStart="maybe"/, 'the other site is left exactly as it was');
});

test("'touched' validation still checks the section's own elements such as siteDefaults", () => {
  const file = tempCopy(fixture);
  writeFileSync(file, readFileSync(file, 'utf8').replace('<ssl serverCertStoreName="WebHosting" />', '<ssl serverCertStoreName="WebHosting" ssl128="sometimes" />'));
  const r = appcmd(['set', 'config', '-section:sites', "/[name='ftp.intranet'].serverAutoStart:false", `/apphostconfig:${file}`]);
  assert.equal(r.code, 13);
});
