import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { snapshot, tempCopy } from '../helpers/cli.js';
import { corpusFile, fixturesDir, wellFormedCorpusFiles } from '../helpers/paths.js';
import { emptyConfigFile } from './empty-config.js';
import { appcmdStdin } from './io-runner.js';

const fixture = join(fixturesDir, 'applicationHost.config');

function ok(args: readonly string[], stdin?: string): string {
  const r = appcmdStdin(args, stdin);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

for (const nn of ['01', '03', '20']) {
  test(`list site /xml /config | add site /in moves every site of corpus ${nn} into an empty config, whole`, () => {
    const source = corpusFile(nn);
    const target = emptyConfigFile();
    const xml = ok(['list', 'site', '/xml', '/config', `/apphostconfig:${source}`]);
    const added = ok(['add', 'site', '/in', `/apphostconfig:${target}`], xml);
    const count = (readFileSync(source, 'utf8').match(/<site /g) ?? []).length;
    assert.equal(added.split('\n').filter((l) => /^SITE object ".*" added$/.test(l)).length, count);
    for (const view of [['list', 'site'], ['list', 'site', '/config'], ['list', 'vdir']]) {
      assert.equal(ok([...view, `/apphostconfig:${target}`]), ok([...view, `/apphostconfig:${source}`]), `${view.join(' ')} of ${basename(source)}`);
    }
    // Importing the same sites again: 183, or "unchanged" with --if-not-exists; the file stays as it is.
    const before = snapshot(target);
    assert.equal(appcmdStdin(['add', 'site', '/in', `/apphostconfig:${target}`], xml).code, 183);
    const again = appcmdStdin(['add', 'site', '-', '--if-not-exists', `/apphostconfig:${target}`], xml);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout.split('\n').filter((l) => l.endsWith(' unchanged')).length, count);
    assert.ok(snapshot(target).bytes.equals(before.bytes));
    assert.equal(snapshot(target).mtimeNs, before.mtimeNs);
  });
}

test('every well-formed corpus file\'s sites survive the same round trip, element for element', () => {
  for (const source of wellFormedCorpusFiles()) {
    const target = emptyConfigFile();
    ok(['add', 'site', '/in', `/apphostconfig:${target}`], ok(['list', 'site', '/xml', '/config', `/apphostconfig:${source}`]));
    assert.equal(ok(['list', 'site', '/config', `/apphostconfig:${target}`]), ok(['list', 'site', '/config', `/apphostconfig:${source}`]), basename(source));
  }
});

test('/in feeds the objects of one command to another: set, stop and delete every listed object', () => {
  const file = tempCopy(fixture);
  const pools = ok(['list', 'apppool', '/xml', `/apphostconfig:${file}`]);
  assert.equal(ok(['set', 'apppool', '/in', '/enable32BitAppOnWin64:true', `/apphostconfig:${file}`], pools), 'APPPOOL object "DefaultAppPool" changed\nAPPPOOL object "FtpPool" changed\n');
  assert.equal(ok(['list', 'apppool', '/enable32BitAppOnWin64:true', '/text:name', `/apphostconfig:${file}`]), 'DefaultAppPool\nFtpPool\n');
  const ftp = ok(['list', 'site', '/name:$=ftp*', '/xml', `/apphostconfig:${file}`]);
  assert.equal(ok(['stop', 'site', '/in', `/apphostconfig:${file}`], ftp), '"ftp.example.com" successfully stopped\n"ftp.intranet" successfully stopped\n');
  assert.equal(ok(['list', 'site', '/serverAutoStart:false', '/text:name', `/apphostconfig:${file}`]), 'ftp.example.com\nftp.intranet\n');
  assert.equal(ok(['delete', 'site', '-', `/apphostconfig:${file}`], ftp), 'SITE object "ftp.example.com" deleted\nSITE object "ftp.intranet" deleted\n');
  assert.equal(ok(['list', 'site', '/text:name', `/apphostconfig:${file}`]), 'Default Web Site\n');
});

test('/in copies pools, applications and virtual directories too, with or without their raw configuration', () => {
  const target = emptyConfigFile();
  ok(['add', 'apppool', '/in', `/apphostconfig:${target}`], ok(['list', 'apppool', '/xml', '/config', `/apphostconfig:${fixture}`]));
  assert.equal(ok(['list', 'apppool', `/apphostconfig:${target}`]), 'APPPOOL "DefaultAppPool" (MgdVersion:v4.0,MgdMode:Integrated,state:Unknown)\nAPPPOOL "FtpPool" (MgdVersion:,MgdMode:Integrated,state:Unknown)\n');
  // Sites listed without /config are rebuilt from their attributes: name, id, bindings.
  ok(['add', 'site', '/in', `/apphostconfig:${target}`], ok(['list', 'site', '/xml', `/apphostconfig:${fixture}`]));
  assert.equal(ok(['list', 'site', `/apphostconfig:${target}`]), ok(['list', 'site', `/apphostconfig:${fixture}`]));
  ok(['add', 'app', '/in', `/apphostconfig:${target}`], ok(['list', 'app', '/xml', '/config', `/apphostconfig:${fixture}`]));
  assert.equal(ok(['list', 'vdir', `/apphostconfig:${target}`]), ok(['list', 'vdir', `/apphostconfig:${fixture}`]));
  assert.equal(ok(['list', 'app', 'ftp.example.com/', `/apphostconfig:${target}`]), 'APP "ftp.example.com/" (applicationPool:FtpPool)\n');
});

test('/in refuses input that is not appcmd /xml of the right object, and writes nothing', () => {
  const file = tempCopy(fixture);
  const before = snapshot(file);
  const cases: [string, number, RegExp][] = [
    ['', 87, /Nothing to read/],
    ['<configuration />', 13, /not appcmd \/xml output/],
    ['<appcmd><APPPOOL APPPOOL.NAME="x" /></appcmd>', 13, /holds APPPOOL objects, not SITE objects/],
    ['<appcmd><SITE', 13, /<stdin>/],
    ['<appcmd><SITE SITE.NAME="n"><site name="n" id="9"><nosuch /></site></SITE></appcmd>', 87, /Unrecognized element 'nosuch'/],
  ];
  for (const [input, code, message] of cases) {
    const r = appcmdStdin(['add', 'site', '/in', `/apphostconfig:${file}`], input);
    assert.equal(r.code, code, `${input}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

test('set config /in applies CONFIG objects of list config /xml: whole sections, partial ones, at their paths', () => {
  const target = emptyConfigFile();
  const sites = ok(['list', 'config', '-section:sites', '/xml', `/apphostconfig:${fixture}`]);
  assert.match(ok(['set', 'config', '/in', `/apphostconfig:${target}`], sites), /^Applied configuration changes to section "system\.applicationHost\/sites"/);
  assert.equal(ok(['list', 'config', '-section:sites', `/apphostconfig:${target}`]), ok(['list', 'config', '-section:sites', `/apphostconfig:${fixture}`]));
  // A partial document changes what it says and nothing else; `-` reads standard input too.
  const partial = '<appcmd><CONFIG CONFIG.SECTION="system.applicationHost/sites" path="MACHINE/WEBROOT/APPHOST"><system.applicationHost-sites><site name="ftp.intranet" id="3" serverAutoStart="false" /></system.applicationHost-sites></CONFIG></appcmd>';
  ok(['set', 'config', '-', `/apphostconfig:${target}`], partial);
  assert.equal(ok(['list', 'site', '/serverAutoStart:false', '/text:name', `/apphostconfig:${target}`]), 'ftp.intranet\n');
  assert.equal(ok(['list', 'site', '/text:name', `/apphostconfig:${target}`]), 'Default Web Site\nftp.example.com\nftp.intranet\n');
  // A section at a site path goes into <location>, with /commit:apphost as set config needs it there.
  const located = ok(['list', 'config', 'ftp.example.com', '-section:system.ftpServer/security/authorization', '/xml', `/apphostconfig:${fixture}`]);
  assert.equal(appcmdStdin(['set', 'config', '/in', `/apphostconfig:${target}`], located).code, 50);
  ok(['set', 'config', '/in', '/commit:apphost', `/apphostconfig:${target}`], located);
  assert.match(readFileSync(target, 'utf8'), /<location path="ftp\.example\.com">\n\s*<system\.ftpServer>\n\s*<security>\n\s*<authorization>\n\s*<add accessType="Allow" users="\*" permissions="Read" \/>/);
});
