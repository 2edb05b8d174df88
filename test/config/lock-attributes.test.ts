/**
 * lockAttributes, lockAllAttributesExcept, lockElements, lockAllElementsExcept and lockItem as IIS
 * reads them (an unknown name is IIS's error) and enforces them on writes at lower paths.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appcmd, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const IP = '-section:system.ftpServer/security/ipSecurity';

function withServerLevel(element: string): string {
  const file = tempCopy(fixture);
  const text = readFileSync(file, 'utf8');
  const next = text.replace('<system.ftpServer>\r\n        <firewallSupport', `<system.ftpServer>\r\n        <security>\r\n            ${element}\r\n        </security>\r\n        <firewallSupport`);
  assert.notEqual(next, text);
  writeFileSync(file, next);
  return file;
}

test('an unknown name in a lock list is IIS\'s error when the section is read', () => {
  const cases: [string, RegExp][] = [
    ['<ipSecurity lockAttributes="allowUnlisted,nope" />', /Description: lockAttributes contains unknown attribute 'nope'\n/],
    ['<ipSecurity lockAllAttributesExcept="enableReverseDns, nope" />', /Description: lockAllAttributesExcept contains unknown attribute 'nope'\n/],
    ['<ipSecurity lockElements="nope" />', /Description: lockElements contains unknown element 'nope'\n/],
    ['<ipSecurity lockAllElementsExcept="clear,nope" />', /Description: lockAllElementsExcept contains unknown element 'nope'\n/],
    ['<ipSecurity><add ipAddress="10.0.0.1" lockItem="maybe" /></ipSecurity>', /Description: The 'lockItem' attribute is invalid. {2}Not a valid boolean value\n/],
  ];
  for (const [element, message] of cases) {
    const r = appcmd(['list', 'config', IP, `/apphostconfig:${withServerLevel(element)}`]);
    assert.equal(r.code, 13, element);
    assert.match(r.stderr, message, element);
  }
  for (const ok of ['<ipSecurity lockAttributes="allowUnlisted, enableReverseDns" />', '<ipSecurity lockAttributes="*" lockElements="add,clear" />']) {
    assert.equal(appcmd(['list', 'config', IP, `/apphostconfig:${withServerLevel(ok)}`]).code, 0, ok);
  }
});

test('a lock binds the files below only: a <location path> of the same file may set what the server level locks', () => {
  // IIS treats one file as one level; lower files are refused (test/cli/web-config-locks.test.ts).
  for (const element of ['<ipSecurity lockAttributes="allowUnlisted" />', '<ipSecurity lockAllAttributesExcept="enableReverseDns" />']) {
    const file = withServerLevel(element);
    const r = appcmd(['set', 'config', 'ftp.example.com', IP, '/allowUnlisted:false', '/commit:apphost', `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(file, 'utf8'), /<location path="ftp\.example\.com">[^]*<ipSecurity allowUnlisted="false" \/>/);
  }
});
