/** /physicalroot: rules: drives, variables and UNC shares of IIS physical paths → local folders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mapPhysicalPath, parsePhysicalRoots, rootPrefixOf, unmappedPathError, type PhysicalPathMapping } from '../../src/config/physical-root.js';
import { physicalMappingFor } from '../../src/cli/physical-roots.js';

const linux = (rules: string, env: Record<string, string> = {}): PhysicalPathMapping => ({ roots: parsePhysicalRoots(rules, 'test'), windows: false, env });

test('a drive letter, a variable and a UNC share map to their folders, matched case-insensitively', () => {
  const m = linux('C:=/srv/c;%SystemDrive%=/srv/sys;\\\\fs01\\share=/mnt/fs01');
  assert.equal(mapPhysicalPath(m, 'c:\\sites\\x'), join('/srv/c', 'sites', 'x'));
  assert.equal(mapPhysicalPath(m, '%SYSTEMDRIVE%\\inetpub\\wwwroot'), join('/srv/sys', 'inetpub', 'wwwroot'));
  assert.equal(mapPhysicalPath(m, '\\\\FS01\\Share\\app'), join('/mnt/fs01', 'app'));
  assert.equal(mapPhysicalPath(m, 'C:\\'), '/srv/c');
  // Forward slashes and a trailing separator are the same path.
  assert.equal(mapPhysicalPath(m, 'C:/sites/x/'), join('/srv/c', 'sites', 'x'));
});

test('the longest prefix wins, and a prefix matches whole segments only', () => {
  const m = linux('D:=/d;D:\\sites\\big=/big');
  assert.equal(mapPhysicalPath(m, 'D:\\sites\\big\\a'), join('/big', 'a'));
  assert.equal(mapPhysicalPath(m, 'D:\\sites\\bigger'), join('/d', 'sites', 'bigger'));
  assert.equal(mapPhysicalPath(linux('\\\\fs01\\share=/m'), '\\\\fs01\\shared\\x'), undefined);
});

test('without a rule for it, %SystemDrive% is C: and other variables come from the environment', () => {
  assert.equal(mapPhysicalPath(linux('C:=/srv/c'), '%SystemDrive%\\inetpub\\wwwroot'), join('/srv/c', 'inetpub', 'wwwroot'));
  assert.equal(mapPhysicalPath(linux('E:=/e', { SITES: 'E:\\web' }), '%sites%\\a'), join('/e', 'web', 'a'));
  assert.equal(mapPhysicalPath(linux('C:=/srv/c'), '%UNKNOWN%\\a'), undefined);
});

test('a path no rule maps is undefined off Windows, the real path on Windows, and a POSIX path is local', () => {
  assert.equal(mapPhysicalPath(linux('C:=/srv/c'), 'D:\\sites\\x'), undefined);
  assert.equal(mapPhysicalPath({ roots: [], windows: true, env: { SystemDrive: 'E:' } }, '%SystemDrive%\\inetpub'), 'E:\\inetpub');
  assert.equal(mapPhysicalPath(linux(''), '/var/www/site'), '/var/www/site');
});

test('malformed rules are refused with the form to use', () => {
  for (const bad of ['C:', '=/srv', 'C:=', 'nothing']) {
    assert.throws(() => parsePhysicalRoots(bad, '/physicalroot:'), (e: Error) => /Invalid physical root .* in \/physicalroot:: give PREFIX=FOLDER/.test(e.message), bad);
  }
});

test('the error names the owner, the physicalPath and the switch that would map it', () => {
  assert.equal(rootPrefixOf('d:\\sites\\x'), 'D:');
  assert.equal(rootPrefixOf('\\\\fs01\\share\\x'), '\\\\fs01\\share');
  assert.equal(rootPrefixOf('%SystemDrive%\\inetpub'), '%SystemDrive%');
  const e = unmappedPathError('site "Shop"', 'D:\\sites\\shop');
  assert.equal(e.code, 'UNSUPPORTED');
  assert.match(e.message, /site "Shop".*"D:\\sites\\shop"/);
  assert.match(e.hints.join('\n'), /\/physicalroot:D:=\/local\/folder.*APPCMD_PHYSICALROOT/);
});

test('the CLI takes /physicalroot: (repeatable, ;-lists) before APPCMD_PHYSICALROOT', () => {
  const io = { env: { APPCMD_PHYSICALROOT: 'C:=/env/c;E:=/env/e' }, platform: 'linux' as const };
  const m = physicalMappingFor({ options: { physicalRoots: ['C:=/switch/c', 'F:=/f;G:=/g'] }, io });
  assert.deepEqual(m.roots.map((r) => r.prefix), ['C:', 'F:', 'G:', 'C:', 'E:']);
  assert.equal(mapPhysicalPath(m, 'C:\\x'), join('/switch/c', 'x'));
  assert.equal(mapPhysicalPath(m, 'E:\\x'), join('/env/e', 'x'));
});
