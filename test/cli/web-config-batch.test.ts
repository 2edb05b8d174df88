/**
 * `appcmd batch` on the hierarchy (test/helpers/site-tree.ts): lines that change
 * applicationHost.config and two web.config files are written at the end, each file in its own
 * atomic replace, and the summary names every file written; a failing line writes none of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, snapshot } from '../helpers/cli.js';
import { makeSiteTree, type SiteTree } from '../helpers/site-tree.js';
import { tempDir } from '../helpers/temp.js';

const BLOG_WEB_CONFIG = '<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n    <system.webServer>\n        <directoryBrowse enabled="false" />\n    </system.webServer>\n</configuration>\n';

const LINES = [
  'set config "Shop" -section:system.webServer/directoryBrowse /enabled:true',
  'set config "Shop/blog" -section:system.webServer/defaultDocument /enabled:false',
  'set site "Shop" /serverAutoStart:false',
  'set config "Shop/blog" -section:system.webServer/directoryBrowse /showFlags:Time',
];

function tree(): SiteTree {
  const t = makeSiteTree();
  writeFileSync(t.webConfig(t.blogFolder), BLOG_WEB_CONFIG);
  return t;
}

function batchFile(lines: readonly string[]): string {
  const file = join(tempDir('appcmd-batch-'), 'batch.txt');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** What is left beside the files once the batch is over: only the config files themselves. */
function leftovers(t: SiteTree): string[] {
  return [t.root, t.siteFolder, t.blogFolder].flatMap((f) => readdirSync(f).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp')));
}

test('a batch that changes applicationHost.config and two web.config files writes each once, atomically, and names each one', () => {
  const t = tree();
  const blogBefore = snapshot(t.webConfig(t.blogFolder));
  const apphostBefore = snapshot(t.apphost);
  const r = appcmd(['batch', batchFile(LINES), ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  // The new site web.config counts its lines against the minimal document IIS starts one with.
  assert.equal(
    r.stderr,
    [`Changed ${t.apphost}: +1 -1 lines.`, `Changed ${t.webConfig(t.siteFolder)}: +3 -0 lines.`, `Changed ${t.webConfig(t.blogFolder)}: +2 -1 lines.`, ''].join('\n'),
  );
  assert.match(r.stdout, /for "MACHINE\/WEBROOT\/APPHOST\/Shop" at configuration commit path "MACHINE\/WEBROOT\/APPHOST\/Shop"\n/);
  assert.match(readFileSync(t.apphost, 'utf8'), /<site name="Shop" id="1" serverAutoStart="false">/);
  assert.match(readFileSync(t.webConfig(t.siteFolder), 'utf8'), /<directoryBrowse enabled="true" \/>/);
  assert.equal(
    readFileSync(t.webConfig(t.blogFolder), 'utf8'),
    BLOG_WEB_CONFIG.replace('<directoryBrowse enabled="false" />', '<directoryBrowse enabled="false" showFlags="Time" />\n        <defaultDocument enabled="false" />'),
  );
  // Each existing file was replaced by a rename (a new inode), never rewritten in place.
  assert.notEqual(snapshot(t.apphost).ino, apphostBefore.ino);
  assert.notEqual(snapshot(t.webConfig(t.blogFolder)).ino, blogBefore.ino);
  assert.deepEqual(leftovers(t), []);
});

test('batch --json names every file in `files`, and `writes` counts the files written', () => {
  const t = tree();
  const r = appcmd(['batch', batchFile(LINES), '--json', ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { writes: number; file: string; changed: boolean; files: Array<{ file: string; changed: boolean; written: boolean }> };
  assert.equal(report.writes, 3);
  assert.equal(report.file, t.apphost);
  assert.deepEqual(
    report.files.map((f) => [f.file, f.changed, f.written]),
    [t.apphost, t.webConfig(t.siteFolder), t.webConfig(t.blogFolder)].map((f) => [f, true, true]),
  );
});

test('batch --dry-run prints the diff and the summary of every file and writes none; an unchanged web.config read by a line is not reported', () => {
  const t = tree();
  const before = [snapshot(t.apphost), snapshot(t.webConfig(t.blogFolder))];
  const r = appcmd(['batch', batchFile([...LINES, 'list config "Shop/blog" -section:defaultDocument']), '--dry-run', ...t.args]);
  assert.equal(r.code, 0, r.stderr);
  const dryRuns = r.stderr.split('\n').filter((l) => l.startsWith('Dry run: '));
  assert.deepEqual(dryRuns.map((l) => l.slice('Dry run: '.length, l.indexOf(' would'))), [t.apphost, t.webConfig(t.siteFolder), t.webConfig(t.blogFolder)]);
  for (const f of [t.apphost, t.webConfig(t.siteFolder), t.webConfig(t.blogFolder)]) assert.ok(r.stdout.includes(`+++ ${f}`), f);
  assert.deepEqual([snapshot(t.apphost), snapshot(t.webConfig(t.blogFolder))], before);
  assert.equal(existsSync(t.webConfig(t.siteFolder)), false);
  // Only applicationHost.config is reported when the lines change no web.config.
  const apphostOnly = appcmd(['batch', batchFile(['set site "Shop" /serverAutoStart:false', 'list config "Shop/blog" -section:directoryBrowse']), ...t.args]);
  assert.equal(apphostOnly.stderr, `Changed ${t.apphost}: +1 -1 lines.\n`);
});

test('a failing line writes none of the files, creates no web.config, and leaves no lock', () => {
  const t = tree();
  const before = [snapshot(t.apphost), snapshot(t.webConfig(t.blogFolder))];
  const r = appcmd(['batch', batchFile([...LINES, 'set config "Shop/blog" -section:system.webServer/directoryBrowse /showFlags:Never']), ...t.args]);
  assert.equal(r.code, 13, r.stderr);
  assert.match(r.stderr, /line 5: set config "Shop\/blog"/);
  assert.deepEqual([snapshot(t.apphost), snapshot(t.webConfig(t.blogFolder))], before);
  assert.equal(existsSync(t.webConfig(t.siteFolder)), false);
  assert.deepEqual(leftovers(t), []);
});
