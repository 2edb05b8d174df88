import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const SITES = '-section:system.applicationHost/sites';

function withFixture(): string {
  return tempCopy(fixture, 'applicationHost.config');
}

/** Runs a command that must fail, and proves the file was not touched. */
function failing(args: string[], file: string): { code: number; stdout: string; stderr: string } {
  const before = snapshot(file);
  const r = appcmd([...args, `/apphostconfig:${file}`]);
  const after = snapshot(file);
  assert.notEqual(r.code, 0);
  assert.equal(r.stdout, '', 'errors go to stderr, nothing to stdout');
  assert.ok(after.bytes.equals(before.bytes), 'file untouched');
  assert.equal(after.mtimeNs, before.mtimeNs, 'file not rewritten');
  return r;
}

test('sets an existing attribute: only its value changes, quote style and the rest of the line kept', () => {
  const file = withFixture();
  const r = appcmd(['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:sslrequire", '/commit:apphost', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  const before = readFileSync(fixture, 'utf8');
  const after = readFileSync(file, 'utf8');
  assert.equal(after, before.replace('<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" />', '<ssl controlChannelPolicy="SslRequire" dataChannelPolicy="SslAllow" />'));
});

test('creates the missing ftpServer/security/ssl chain with the neighbours\' indentation and CRLF', () => {
  const file = withFixture();
  const r = appcmd(['set', 'config', SITES, "/[name='ftp.intranet'].ftpServer.security.ssl.dataChannelPolicy:SslDeny", `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  const expected = readFileSync(fixture, 'utf8').replace(
    '                    <binding protocol="ftp" bindingInformation="*:2121:" />\r\n                </bindings>\r\n',
    '                    <binding protocol="ftp" bindingInformation="*:2121:" />\r\n                </bindings>\r\n' +
      '                <ftpServer>\r\n                    <security>\r\n                        <ssl dataChannelPolicy="SslDeny" />\r\n                    </security>\r\n                </ftpServer>\r\n',
  );
  assert.equal(readFileSync(file, 'utf8'), expected);
});

test('selects a site by id and sets siteDefaults; numeric enum values are written as names', () => {
  const file = withFixture();
  const r = appcmd([
    'set', 'config', SITES,
    "/[id='2'].ftpServer.security.ssl.dataChannelPolicy:1",
    '/siteDefaults.ftpServer.security.ssl.ssl128:TRUE',
    `/apphostconfig:${file}`,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const after = readFileSync(file, 'utf8');
  assert.match(after, /<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslRequire" \/>/);
  assert.match(after, /<ssl serverCertStoreName="WebHosting" ssl128="true" \/>/);
});

test('a bad enum value is refused with IIS\'s text and the file is untouched', () => {
  const file = withFixture();
  const r = failing(['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:Foo"], file);
  assert.equal(r.code, 13);
  assert.match(r.stderr, /^ERROR \( message:Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly \)\n/);
  assert.match(r.stderr, /in parameter: \/\[name='ftp\.example\.com'\]\.ftpServer\.security\.ssl\.controlChannelPolicy:Foo/);
});

test('an unknown attribute gets appcmd\'s text (two spaces) and a did-you-mean', () => {
  const file = withFixture();
  const r = failing(['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.controlChanelPolicy:SslRequire"], file);
  assert.equal(r.code, 87);
  assert.match(r.stderr, /^ERROR \( message:Unknown attribute "\[name='ftp\.example\.com'\]\.ftpServer\.security\.ssl\.controlChanelPolicy"\. {2}Replace with -\? for help\. \)\n/);
  assert.match(r.stderr, /Did you mean "controlChannelPolicy"\?/);
});

test('an unknown element on the path is an unknown attribute too', () => {
  const file = withFixture();
  const r = failing(['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.securty.ssl.ssl128:true"], file);
  assert.equal(r.code, 87);
  assert.match(r.stderr, /Did you mean "security"\?/);
});

test('an unknown site is not found: exit 1168, file untouched', () => {
  const file = withFixture();
  const r = failing(['set', 'config', SITES, "/[name='ftp.exampel.com'].ftpServer.security.ssl.ssl128:true"], file);
  assert.equal(r.code, 1168);
  assert.match(r.stderr, /^ERROR \( message:Cannot find requested collection element\. \)/);
  assert.match(r.stderr, /Did you mean 'ftp\.example\.com'\?/);
});

test('several parameters apply all or nothing: one bad value writes nothing', () => {
  const file = withFixture();
  const r = failing([
    'set', 'config', SITES,
    "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire",
    "/[name='ftp.example.com'].ftpServer.security.ssl.ssl128:maybe",
  ], file);
  assert.equal(r.code, 13);
});

test('a token that is not a switch gets appcmd\'s prefix error without the ERROR wrapper', () => {
  const file = withFixture();
  // What bash passes for an unquoted -[name='Default Web Site'].x:y
  const r = failing(['set', 'config', SITES, "-[name='Default", 'Web', "Site'].serverAutoStart:false"], file);
  assert.equal(r.code, 87);
  assert.match(r.stderr, /^Failed to process input: The parameter 'Site'\]\.serverAutoStart:false' must begin with a \/ or - \(HRESULT=80070057\)\.\n/);
});

test('a web.config commit level for a change at server level is refused', () => {
  const file = withFixture();
  const r = failing(['set', 'config', SITES, "/[name='ftp.example.com'].serverAutoStart:false", '/commit:site'], file);
  assert.match(r.stderr, /Cannot commit to "site" a change at MACHINE\/WEBROOT\/APPHOST: the server level is applicationHost\.config/);
  const machine = failing(['set', 'config', SITES, "/[name='ftp.example.com'].serverAutoStart:false", '/commit:webroot'], file);
  assert.match(machine.stderr, /that is the root web\.config/);
});

test('a malformed indexer gets appcmd\'s text, exit 13', () => {
  const file = withFixture();
  const r = failing(['set', 'config', SITES, "/[name='ftp.example.com'.serverAutoStart:false"], file);
  assert.equal(r.code, 13);
  assert.match(r.stderr, /Malformed collection indexer; format is \[@position,name='value',name2='value2',\.\.\.\]\./);
});

test('an unknown section is refused with a suggestion', () => {
  const file = withFixture();
  const r = failing(['set', 'config', '-section:sitez', "/[name='ftp.example.com'].serverAutoStart:false"], file);
  assert.match(r.stderr, /Unknown config section "sitez"/);
  assert.match(r.stderr, /Did you mean "sites"/);
});

test('short section names and case-insensitive names work', () => {
  const file = withFixture();
  const r = appcmd(['SET', 'Config', '/section:SITES', "/[NAME='FTP.EXAMPLE.COM'].FTPSERVER.Security.SSL.SSL128:True", `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(file, 'utf8'), /<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" ssl128="true" \/>/);
});

test('the file comes from APPCMD_APPHOSTCONFIG when /apphostconfig is absent', () => {
  const file = withFixture();
  const r = appcmd(['set', 'config', SITES, "/[name='ftp.example.com'].serverAutoStart:false"], { APPCMD_APPHOSTCONFIG: file });
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(file, 'utf8'), /<site name="ftp.example.com" id="2" serverAutoStart="false">/);
});

test('the real process exits with the Win32 code modulo 256 (1168 → 144)', () => {
  const file = withFixture();
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'appcmd.js'), 'set', 'config', SITES, "/[name='nope'].serverAutoStart:false", `/apphostconfig:${file}`], { encoding: 'utf8' });
  assert.equal(r.status, 144);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Cannot find requested collection element/);
});

test('serverCertHash is cleaned of invisible marks, spaces and colons, with a note on stderr', () => {
  for (const schemaArgs of [[], [`/schemadir:${join(repoRoot, '..', 'shared', 'reference', 'iis-schema')}`]]) {
    const file = withFixture();
    const copied = '\u200e9c 6e:62 63 42 de ed 75 bf 5f be a6 11 af 21 30 5f bf 96 5c\ufeff';
    const r = appcmd(['set', 'config', SITES, `/[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash:${copied}`, ...schemaArgs, `/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.split('\n')[0], "Note: removed from serverCertHash: U+200E LEFT-TO-RIGHT MARK, 18 × space, ':', U+FEFF ZERO WIDTH NO-BREAK SPACE.");
    assert.match(r.stderr, /\nChanged .*applicationHost\.config: \+1 -1 lines\.\n$/);
    assert.match(readFileSync(file, 'utf8'), /<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" serverCertHash="9c6e626342deed75bf5fbea611af21305fbf965c" \/>/);
  }
});

test('a serverCertHash that is not 40 hex digits is refused, at site and siteDefaults level', () => {
  const file = withFixture();
  const short = failing(['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash:9C6E626342DEED75BF5FBEA611AF21305FBF96"], file);
  assert.equal(short.code, 13);
  assert.match(short.stderr, /Invalid certificate hash for serverCertHash: a thumbprint is exactly 40 hexadecimal digits \(SHA-1\), but it has 38 hexadecimal digits\./);
  const bad = failing(['set', 'config', SITES, '/siteDefaults.ftpServer.security.ssl.serverCertHash:9C6E626342DEED75BF5FBEA611AF21305FBF965G'], file);
  assert.match(bad.stderr, /"G" \(U\+0047\) is not a hexadecimal digit/);
});

test('with /certstore:, a serverCertHash must be in the store in effect: the WebHosting-versus-My mistake is refused, /force writes with a warning', async () => {
  const { certSet, standardStoreFolder } = await import('../cert/store-fixture.js');
  const set = certSet();
  const store = standardStoreFolder(set);
  const file = withFixture();
  // The fixture's siteDefaults say serverCertStoreName="WebHosting"; the certificate is in My.
  const wrong = failing(['set', 'config', SITES, `/[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash:${set.valid.thumbprint}`, `/certstore:${store}`], file);
  assert.equal(wrong.code, 1168);
  assert.match(wrong.stderr, /My/);
  const right = appcmd(['set', 'config', SITES, `/[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash:${set.valid.thumbprint}`, "/[name='ftp.example.com'].ftpServer.security.ssl.serverCertStoreName:My", `/certstore:${store}`, `/apphostconfig:${file}`]);
  assert.equal(right.code, 0, right.stderr);
  const expired = failing(['set', 'config', SITES, `/[name='ftp.intranet'].ftpServer.security.ssl.serverCertHash:${set.expired.thumbprint}`, "/[name='ftp.intranet'].ftpServer.security.ssl.serverCertStoreName:My", `/certstore:${store}`], file);
  assert.equal(expired.code, 13);
  const forced = appcmd(['set', 'config', SITES, `/[name='ftp.intranet'].ftpServer.security.ssl.serverCertHash:${set.expired.thumbprint}`, "/[name='ftp.intranet'].ftpServer.security.ssl.serverCertStoreName:My", `/certstore:${store}`, '/force', `/apphostconfig:${file}`]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stderr, /^Warning \(forced\): /m);
});
