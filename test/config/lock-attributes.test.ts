/**
 * lockAttributes, lockAllAttributesExcept, lockElements, lockAllElementsExcept and lockItem as IIS
 * reads them (an unknown name is IIS's error) and enforces them on writes at lower paths.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
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

test('a lock at the server level refuses the write at a site path (Lock violation, 33), nothing written', () => {
  for (const element of ['<ipSecurity lockAttributes="allowUnlisted" />', '<ipSecurity lockAllAttributesExcept="enableReverseDns" />']) {
    const file = withServerLevel(element);
    const before = snapshot(file);
    const r = appcmd(['set', 'config', 'ftp.example.com', IP, '/allowUnlisted:false', '/commit:apphost', `/apphostconfig:${file}`]);
    assert.equal(r.code, 33, r.stderr);
    assert.match(r.stderr, /^ERROR \( message:Lock violation \)\n {2}"allowUnlisted" of <ipSecurity> is locked at a parent level/);
    assert.deepEqual(snapshot(file), before);
    // What the lock leaves open can still be set below, and the server level itself is free.
    if (element.includes('Except')) {
      assert.equal(appcmd(['set', 'config', 'ftp.example.com', IP, '/enableReverseDns:true', '/commit:apphost', `/apphostconfig:${file}`]).code, 0);
    }
    assert.equal(appcmd(['set', 'config', IP, '/allowUnlisted:false', '/commit:apphost', `/apphostconfig:${file}`]).code, 0);
  }
});
