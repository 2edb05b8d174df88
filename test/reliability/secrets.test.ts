import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerManager } from '../../src/config/server-manager.js';
import { renderSection } from '../../src/cli/render/config-text.js';
import { checkEncryptedInput, maskSecret } from '../../src/store/encrypted-value.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';
import { corpusFile, fixturesDir } from '../helpers/paths.js';

const FIXTURE = join(fixturesDir, 'applicationHost.config');
const ENC = '[enc:AesProvider:9mM2ovvK6I1KeNdmNtr4fftObncukaJ9aSnxtLV4ZJs=:enc]';
const SITE = "/[name='ftp.example.com']";
const PASSWORDS = [
  `${SITE}.[path='/'].[path='/'].password`,
  `${SITE}.ftpServer.security.authentication.anonymousAuthentication.password`,
  `${SITE}.ftpServer.userIsolation.activeDirectory.adPassword`,
  '/siteDefaults.ftpServer.security.authentication.anonymousAuthentication.password',
];

/** The fixture with an encrypted password on the FTP site's root virtual directory. */
function withEncryptedPassword(): string {
  const file = tempCopy(FIXTURE);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('physicalPath="D:\\ftproot" />', `physicalPath="D:\\ftproot" password="${ENC}" />`));
  return file;
}

test('corpus 21: an edit in the file leaves its [enc:…:enc] value byte for byte', () => {
  const file = tempCopy(corpusFile('21'));
  const before = readFileSync(file, 'utf8');
  const r = appcmd(['set', 'config', '-section:sites', "/[name='WebSite1'].serverAutoStart:false", `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  const after = readFileSync(file, 'utf8');
  const change = lineChange(before, after);
  assert.equal(change.removed.length, 1);
  assert.doesNotMatch(change.removed.join(''), /enc:/);
  assert.deepEqual(after.match(/\[enc:[^\]]*:enc\]/g), before.match(/\[enc:[^\]]*:enc\]/g));
});

test('an edit on the element that carries the encrypted password keeps it byte for byte', () => {
  const file = withEncryptedPassword();
  const before = readFileSync(file, 'utf8');
  const r = appcmd(['set', 'config', '-section:sites', `${SITE}.[path='/'].[path='/'].userName:ftpuser`, `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  const change = lineChange(before, readFileSync(file, 'utf8'));
  assert.deepEqual(change.added, [change.removed[0]?.replace(`password="${ENC}"`, `password="${ENC}" userName="ftpuser"`)]);
});

test('list config masks encrypted payloads and clear passwords; the schema default placeholder stays', () => {
  const file = withEncryptedPassword();
  const plain = readFileSync(file, 'utf8').replace('<basicAuthentication enabled="true" />', '<basicAuthentication enabled="true" />\n<anonymousAuthentication password="hunter2" />');
  writeFileSync(file, plain);
  const r = appcmd(['list', 'config', '-section:sites', '/config:*', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /password="\[enc:AesProvider:\*{8}:enc\]"/);
  assert.match(r.stdout, /password="\*{8}"/);
  assert.match(r.stdout, /password="\[enc:AesProvider::enc\]"/);
  assert.doesNotMatch(r.stdout, /9mM2ov|hunter2/);
});

test('renderSection shows secrets as stored when asked (what --show-secrets selects)', () => {
  const file = withEncryptedPassword();
  const sites = ServerManager.open(file).getApplicationHostConfiguration().getSection('system.applicationHost/sites');
  const rendered = (secrets: 'shown' | 'masked'): string => {
    const lines: string[] = [];
    renderSection('system.applicationHost/sites', sites, 'explicit', secrets, (l) => lines.push(l));
    return lines.join('\n');
  };
  assert.ok(rendered('shown').includes(ENC));
  assert.ok(!rendered('masked').includes(ENC));
});

test('list config --show-secrets prints the stored value', () => {
  const file = withEncryptedPassword();
  const r = appcmd(['list', 'config', '-section:sites', '--show-secrets', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(ENC));
});

for (const path of PASSWORDS) {
  test(`a plain value for ${path} is refused (IIS would encrypt it), nothing written`, () => {
    const file = tempCopy(FIXTURE);
    const before = snapshot(file);
    const r = appcmd(['set', 'config', '-section:sites', `${path}:hunter2`, `/apphostconfig:${file}`]);
    assert.equal(r.code, 50);
    assert.match(r.stderr, /^ERROR \( message:Refusing to write a plain-text password: IIS would store "\w+" encrypted with AesProvider; this tool cannot encrypt it offline/);
    assert.match(r.stderr, /add --allow-plaintext-secrets: IIS reads a plain value as it is, but anyone who can read the file can then read the password/);
    // (set-config's "in parameter:" echo of the command line is the lead's; reported as a leak into CI logs)
    const own = (r.stderr + r.stdout).split('\n').filter((l) => !l.startsWith('  in parameter:'));
    assert.doesNotMatch(own.join('\n'), /hunter2/);
    assert.deepEqual(snapshot(file), before);
  });
}

test('--allow-plaintext-secrets writes the clear value with a warning on stderr', () => {
  const file = tempCopy(FIXTURE);
  const r = appcmd(['set', 'config', '-section:sites', `${PASSWORDS[1] ?? ''}:hunter2`, '--allow-plaintext-secrets', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^Warning: "password" is written in plain text, readable by anyone who can read the file\./m);
  assert.match(readFileSync(file, 'utf8'), /<anonymousAuthentication password="hunter2" \/>/);
});

test('an [enc:…:enc] value (from a server sharing the keys) and the empty string are written without a warning', () => {
  const file = tempCopy(FIXTURE);
  for (const value of [ENC, '']) {
    const r = appcmd(['set', 'config', '-section:sites', `${PASSWORDS[0] ?? ''}:${value}`, `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('Warning')).length, 0);
    assert.match(readFileSync(file, 'utf8'), new RegExp(`password="${value.replace(/[[\]+=]/g, '\\$&')}"`));
  }
});

test('a masked value copied from list output cannot be written back', () => {
  const file = tempCopy(FIXTURE);
  const before = snapshot(file);
  const r = appcmd(['set', 'config', '-section:sites', `${PASSWORDS[0] ?? ''}:${maskSecret(ENC, true)}`, '--allow-plaintext-secrets', `/apphostconfig:${file}`]);
  assert.equal(r.code, 13);
  assert.match(r.stderr, /looks like an encrypted value but is not one IIS could decrypt/);
  assert.deepEqual(snapshot(file), before);
});

test('the library: plain values need allowPlaintextSecrets, which returns the warning as a note', () => {
  const file = tempCopy(FIXTURE);
  const open = (allow: boolean) => {
    const m = ServerManager.open(file, { allowPlaintextSecrets: allow });
    const site = m.getApplicationHostConfiguration().getSection('system.applicationHost/sites').getCollection().find({ name: 'ftp.example.com' });
    assert.ok(site !== undefined);
    return { m, anon: site.getChildElement('ftpServer').getChildElement('security').getChildElement('authentication').getChildElement('anonymousAuthentication') };
  };
  assert.throws(() => open(false).anon.setAttributeValue('password', 'x'), { code: 'UNSUPPORTED' });
  const { m, anon } = open(true);
  assert.match(anon.setAttributeValue('password', 'x').notes.join(''), /^Warning: "password" is written in plain text/);
  m.close();
});

test('the stored form and the mask', () => {
  // The stored form is recognised, well-formed or not; the same text without its brackets is plain.
  assert.throws(() => checkEncryptedInput('password', '[enc:AesProvider:not base64!:enc]', undefined, true), /looks like an encrypted value/);
  assert.throws(() => checkEncryptedInput('password', 'enc:AesProvider:x:enc', undefined, false), /Refusing to write a plain-text password/);
  assert.equal(maskSecret(ENC, false), '[enc:AesProvider:********:enc]');
  assert.equal(maskSecret('[enc:AesProvider::enc]', true), '[enc:AesProvider::enc]');
  assert.equal(maskSecret('plain', true), '********');
  assert.equal(maskSecret('plain', false), 'plain');
  assert.equal(maskSecret('', true), '');
  assert.deepEqual(checkEncryptedInput('password', ENC, '[enc:AesProvider::enc]', false), []);
  assert.throws(() => checkEncryptedInput('password', '[enc:Aes Provider:abc:enc]', undefined, true), { code: 'VALUE_INVALID' });
});

test('adding a collection item with a plain password is refused too', () => {
  const file = tempCopy(FIXTURE);
  const before = snapshot(file);
  const r = appcmd(['set', 'config', '-section:sites', `/+${SITE.slice(1)}.[path='/'].[path='/v',physicalPath='c:\\x',password='hunter2']`, `/apphostconfig:${file}`]);
  assert.equal(r.code, 50, r.stderr);
  assert.deepEqual(snapshot(file), before);
});
