#!/usr/bin/env node
// Whole-process benchmark: one `appcmd set` (the headline FTP SSL edit) against `xmlstarlet ed -L`
// doing the same edit on the same file, measured in the same run, plus a set on corpus file 04
// against node's bare start. Every figure is a median; every ratio divides two medians of this run.
//
//   node bench/run.mjs [--sizes 1000,10000] [--runs 15] [--json out.json]
//
// Needs: xmlstarlet (apt-get install xmlstarlet), ../shared beside the checkout, a built project
// (npm ci). Writes its generated files under bench/out/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const out = join(root, 'bench', 'out');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const sizes = opt('sizes', '1000,10000').split(',').map(Number);
const runs = Number(opt('runs', '15'));
const jsonOut = opt('json', undefined);
const appcmd = join(root, 'bin', 'appcmd.js');

mkdirSync(out, { recursive: true });
if (spawnSync('xmlstarlet', ['--version']).status !== 0) {
  console.error('xmlstarlet is required: apt-get install xmlstarlet');
  process.exit(2);
}

/** Median wall time (ms) of `cmd`, each run on a fresh copy of `source` made outside the timing. */
function measure(cmd, argv, source, target) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    if (source !== undefined) copyFileSync(source, target);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the page cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows = [];
const round = (x) => Math.round(x * 10) / 10;

for (const n of sizes) {
  const source = join(out, `applicationHost.${n}.config`);
  if (!existsSync(source)) spawnSync(process.execPath, [join(shared, 'tools', 'gen-config.mjs'), String(n), source], { stdio: 'inherit' });
  const work = join(out, `work.${n}.config`);
  const site = `site-${Math.floor(n / 2)}`;
  // Interleave the two tools so that machine noise hits both alike.
  const ours = [];
  const theirs = [];
  for (let k = 0; k < 3; k++) {
    ours.push(
      measure(process.execPath, [appcmd, 'set', 'config', '-section:system.applicationHost/sites', `/[name='${site}'].ftpServer.security.ssl.controlChannelPolicy:SslRequire`, '/commit:apphost', `/apphostconfig:${work}`], source, work),
    );
    theirs.push(
      measure('xmlstarlet', ['ed', '-L', '-u', `/configuration/system.applicationHost/sites/site[@name='${site}']/ftpServer/security/ssl/@controlChannelPolicy`, '-v', 'SslRequire', work], source, work),
    );
  }
  const med = (xs) => xs.sort((a, b) => a - b)[1];
  const a = med(ours);
  const b = med(theirs);
  rows.push({ case: `set, ${n} sites`, ours: round(a), reference: 'xmlstarlet ed -L', referenceMs: round(b), ratio: Math.round((a / b) * 100) / 100 });
}

{
  const source = join(shared, 'corpus', '04-coso-configuration-supernova.config');
  const work = join(out, 'work.04.config');
  const a = measure(process.execPath, [appcmd, 'set', 'config', '-section:system.applicationHost/sites', "/[name='SupernovaFTP'].ftpServer.security.ssl.controlChannelPolicy:SslRequire", '/commit:apphost', `/apphostconfig:${work}`], source, work);
  const b = measure(process.execPath, ['-e', '0'], undefined, undefined);
  rows.push({ case: 'set, corpus 04', ours: round(a), reference: 'node -e 0', referenceMs: round(b), ratio: Math.round((a / b) * 100) / 100 });
}

console.log(`| case | appcmd (ms) | reference | reference (ms) | ratio |`);
console.log(`| --- | ---: | --- | ---: | ---: |`);
for (const r of rows) console.log(`| ${r.case} | ${r.ours} | ${r.reference} | ${r.referenceMs} | ${r.ratio}× |`);
if (jsonOut !== undefined) writeFileSync(jsonOut, JSON.stringify({ node: process.version, runs, rows }, null, 2));
