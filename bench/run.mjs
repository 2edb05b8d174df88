#!/usr/bin/env node
// The performance suite of issue 8: whole processes, medians, and every figure a ratio against a
// reference timed in the same run, alternating with it so that both share the machine's noise.
//
//   node bench/run.mjs [--sizes 1000,5000,10000,25000,50000] [--runs 11] [--only set,batch] [--no-write]
//
// Prints a markdown table; writes it with the raw samples and an SVG chart of time against file
// size to bench/results/ (unless --no-write). A case whose command this version does not have yet
// prints "pending"; the exit status is non-zero only when a command fails or does the wrong thing.
// Needs xmlstarlet (apt-get install xmlstarlet), GNU time for peak memory, ../shared beside the
// checkout and a built project (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { casesFor } from './lib/cases.mjs';
import { timeChart } from './lib/chart.mjs';
import { compare, hasGnuTime, median, peakMemoryMb, runOnce } from './lib/measure.mjs';
import { benchOptions } from './lib/options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const options = benchOptions();
const opt = options.value;
const sizes = opt('sizes', '1000,5000,10000,25000,50000').split(',').map(Number);
const runs = Number(opt('runs', '11'));
const only = opt('only', '').split(',').filter((s) => s !== '');
const write = !options.has('no-write');
const env = {
  root,
  shared: resolve(root, '..', 'shared'),
  out: join(root, 'bench', 'out'),
  results: join(root, 'bench', 'results'),
  sizes,
  bigSize: Math.max(50000, ...sizes),
};

function fatal(message) {
  console.error(message);
  process.exit(2);
}
if (spawnSync('xmlstarlet', ['--version']).status !== 0) fatal('xmlstarlet is required: apt-get install xmlstarlet');
if (!existsSync(join(root, 'dist', 'appcmd.cjs'))) fatal('build the project first: npm run build');
mkdirSync(env.out, { recursive: true });

/** Whether a failed probe is this version saying it has no such command yet. */
function pendingReason(r) {
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if ((r.status === 50 || r.status === 87) && /not supported/i.test(text)) {
    return /message:(.*?)\s*\)/.exec(text)?.[1]?.trim() ?? 'not supported yet';
  }
  return undefined;
}

/** Runs both commands once, untimed, and checks what they did; an error text or a pending reason. */
function probe(c) {
  const r = runOnce(c.ours);
  if (r.status !== 0) {
    const why = pendingReason(r);
    if (why !== undefined) return { pending: why };
    return { error: `${c.ours.label} failed with status ${r.status}: ${`${r.stderr}`.trim().slice(0, 400)}` };
  }
  const bad = c.ours.check?.(r);
  if (bad !== undefined) return { error: `${c.ours.label}: ${bad}` };
  const ref = runOnce(c.reference);
  if (ref.status !== 0) return { error: `${c.reference.label} failed with status ${ref.status}: ${`${ref.stderr}`.trim().slice(0, 400)}` };
  const refBad = c.reference.check?.(ref);
  if (refBad !== undefined) return { error: `${c.reference.label}: ${refBad}` };
  return {};
}

const gnuTime = hasGnuTime();
const rows = [];
const started = Date.now();
for (const c of casesFor(env)) {
  if (only.length > 0 && !only.some((o) => c.id.includes(o))) continue;
  process.stderr.write(`${c.title} ... `);
  const row = { id: c.id, title: c.title, reference: c.reference.label, target: c.target, sites: c.sites };
  try {
    const p = probe(c);
    if (p.pending !== undefined) row.pending = p.pending;
    else if (p.error !== undefined) row.error = p.error;
    else if (c.memory) {
      if (!gnuTime) row.pending = 'GNU time (/usr/bin/time) is not installed';
      else {
        const a = [];
        const b = [];
        for (let i = 0; i < 3; i++) {
          a.push(peakMemoryMb(c.ours));
          // A reference may add a fixed allowance to what it measures (issue 16: twice the file size).
          b.push(peakMemoryMb(c.reference) + (c.reference.extraMb ?? 0));
        }
        Object.assign(row, { unit: 'MB', ours: median(a), ref: median(b), samplesOurs: a, samplesRef: b });
      }
    } else {
      const m = compare(c.ours, c.reference, runs);
      Object.assign(row, { unit: 'ms', ours: m.a, ref: m.b, samplesOurs: m.samplesA, samplesRef: m.samplesB });
      if (c.sites !== undefined) row.fileMb = statSync(join(env.out, `applicationHost.${c.sites}.config`)).size / 1e6;
    }
  } catch (e) {
    row.error = e instanceof Error ? e.message : String(e);
  }
  if (row.ours !== undefined) row.ratio = row.ours / row.ref;
  rows.push(row);
  process.stderr.write(`${row.pending !== undefined ? 'pending' : row.error !== undefined ? 'ERROR' : `${fmt(row.ours, row.unit)} vs ${fmt(row.ref, row.unit)}`}\n`);
}

function fmt(x, unit) {
  return unit === 'MB' ? `${Math.round(x)} MB` : `${x < 100 ? x.toFixed(1) : Math.round(x)} ms`;
}

function verdict(row) {
  if (row.target === undefined || row.ours === undefined) return '';
  if (row.target.mb !== undefined) return row.ours <= row.target.mb ? 'yes' : '**no**';
  return row.ratio <= row.target.ratio ? 'yes' : '**no**';
}

function targetText(t) {
  if (t === undefined) return '';
  return t.mb !== undefined ? `≤ ${t.mb} MB` : `≤ ${t.ratio}×`;
}

const xmlstarletVersion = spawnSync('xmlstarlet', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
const header = `node ${process.version}, xmlstarlet ${xmlstarletVersion}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0].toFixed(2)} at start; ${runs} alternating runs per pair, medians`;
const lines = [
  '| case | appcmd | reference | reference | ratio | target | met |',
  '| --- | ---: | --- | ---: | ---: | ---: | :---: |',
];
for (const r of rows) {
  if (r.pending !== undefined) lines.push(`| ${r.title} | pending | ${r.reference} | | | ${targetText(r.target)} | pending: ${r.pending.replace(/\|/g, '\\|')} |`);
  else if (r.error !== undefined) lines.push(`| ${r.title} | **error** | ${r.reference} | | | ${targetText(r.target)} | ${r.error.split('\n')[0].replace(/\|/g, '\\|').slice(0, 160)} |`);
  else lines.push(`| ${r.title} | ${fmt(r.ours, r.unit)} | ${r.reference} | ${fmt(r.ref, r.unit)} | ${r.ratio.toFixed(2)}× | ${targetText(r.target)} | ${verdict(r)} |`);
}
const table = lines.join('\n');
// Growth: time per MB between the two largest files, for each tool (a linear tool keeps it flat).
const sets = rows.filter((r) => r.id.startsWith('set-') && r.fileMb !== undefined).sort((a, b) => a.fileMb - b.fileMb);
let growth = '';
if (sets.length >= 2) {
  const a = sets[sets.length - 2];
  const b = sets[sets.length - 1];
  const slope = (key) => ((b[key] - a[key]) / (b.fileMb - a.fileMb)).toFixed(1);
  growth = `Growth from ${a.sites.toLocaleString('en-US')} to ${b.sites.toLocaleString('en-US')} sites: appcmd ${slope('ours')} ms/MB, xmlstarlet ${slope('ref')} ms/MB.`;
}
console.log(`${header}\n\n${table}${growth === '' ? '' : `\n\n${growth}`}`);

if (write) {
  mkdirSync(env.results, { recursive: true });
  const setRows = rows.filter((r) => r.id.startsWith('set-') && r.fileMb !== undefined);
  if (setRows.length > 0) {
    const svg = timeChart('one set of the headline attribute: appcmd vs xmlstarlet ed -L', [
      { name: 'appcmd set config', points: setRows.map((r) => ({ x: r.fileMb, y: r.ours, label: `${r.sites} sites` })) },
      { name: 'xmlstarlet ed -L', points: setRows.map((r) => ({ x: r.fileMb, y: r.ref, label: `${r.sites} sites` })) },
    ]);
    writeFileSync(join(env.results, 'chart.svg'), svg);
  }
  writeFileSync(join(env.results, 'results.md'), `${header}\n\n${table}\n\n${growth === '' ? '' : `${growth}\n\n`}![time against file size](chart.svg)\n`);
  writeFileSync(join(env.results, 'results.json'), `${JSON.stringify({ date: new Date(started).toISOString(), header, runs, rows }, null, 2)}\n`);
}
process.exitCode = rows.some((r) => r.error !== undefined) ? 1 : 0;
