/**
 * A file's <configSections> as IIS reads it: a section whose group the file registers but which
 * it does not declare cannot be read or written, and a section declared twice breaks the file,
 * each with IIS's text; nothing is written.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');

function edited(change: (text: string) => string): string {
  const file = tempCopy(fixture);
  const text = readFileSync(file, 'utf8');
  const next = change(text);
  assert.notEqual(next, text, 'the edit applies');
  writeFileSync(file, next);
  return file;
}

test('an undeclared section present in the file cannot be read, with IIS\'s text and its line', () => {
  const file = edited((t) => t.replace(/ *<section name="applicationPools"[^>]*\/>\r\n/, ''));
  for (const args of [['list', 'apppool'], ['list', 'config', '-section:applicationPools']]) {
    const r = appcmd([...args, `/apphostconfig:${file}`]);
    assert.equal(r.code, 13, r.stderr);
    assert.match(
      r.stderr,
      /^ERROR \( message:Configuration error\nFilename: .*applicationHost\.config\nLine Number: 30\nDescription: The configuration section 'system\.applicationHost\/applicationPools' cannot be read because it is missing a section declaration\n\. \)\n {2}Declare it in <configSections>/,
    );
  }
});

test('nothing writes an undeclared section: add apppool, set config, lock', () => {
  const file = edited((t) => t.replace(/ *<section name="applicationPools"[^>]*\/>\r\n/, ''));
  const before = snapshot(file);
  for (const args of [
    ['add', 'apppool', '/name:NewPool'],
    ['set', 'config', '-section:applicationPools', "/+[name='NewPool']", '/commit:apphost'],
    ['lock', 'config', '-section:system.applicationHost/applicationPools', '/commit:apphost'],
  ]) {
    const r = appcmd([...args, `/apphostconfig:${file}`]);
    assert.equal(r.code, 13, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /missing a section declaration/);
  }
  assert.deepEqual(snapshot(file), before);
  // Other sections of the file still work.
  assert.equal(appcmd(['list', 'site', `/apphostconfig:${file}`]).code, 0);
});

test('a section declared twice breaks the file: There is a duplicate … section defined', () => {
  const file = edited((t) => t.replace(/( *<section name="sites"[^>]*\/>\r\n)/, '$1$1'));
  const before = snapshot(file);
  for (const args of [['list', 'site'], ['set', 'site', 'Default Web Site', '/serverAutoStart:false']]) {
    const r = appcmd([...args, `/apphostconfig:${file}`]);
    assert.equal(r.code, 13, r.stderr);
    assert.match(r.stderr, /Line Number: 12\nDescription: There is a duplicate 'system\.applicationHost\/sites' section defined\n/);
  }
  assert.deepEqual(snapshot(file), before);
});

test('sections of a group the file does not register (declared by machine.config) are not judged', () => {
  const file = edited((t) => t.replace('</system.ftpServer>', '</system.ftpServer>\r\n    <system.web.custom><thing /></system.web.custom>'));
  assert.equal(appcmd(['list', 'site', `/apphostconfig:${file}`]).code, 0);
});
