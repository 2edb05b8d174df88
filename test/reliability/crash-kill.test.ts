import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseXml } from '../../src/xml/reader.js';
import { generatedConfig } from './generated-config.js';
import { APPCMD_BIN, spawnAppcmd } from './spawn-cli.js';

// The figure (200 kills) with APPCMD_RELIABILITY_FULL=1; CI runs 20 to stay quick.
const KILLS = process.env['APPCMD_RELIABILITY_FULL'] === '1' ? 200 : 20;
const SITES = 10_000;

function setArgs(file: string, value: 'true' | 'false'): string[] {
  return ['set', 'config', '-section:sites', `/[name='site-1'].serverAutoStart:${value}`, `/apphostconfig:${file}`, '/locktimeout:60'];
}

/** Runs a writer and SIGKILLs it after `delayMs` (if it is still running then). */
function killedWriter(args: readonly string[], delayMs: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [APPCMD_BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

test(`${KILLS} writers SIGKILLed at random moments on a ${SITES}-site file: always exactly the old or the new bytes`, async (t) => {
  const file = generatedConfig(SITES);
  const a = readFileSync(file);
  // The other state, made by the tool itself; both states parse.
  const calibrate = Date.now();
  const first = await spawnAppcmd(setArgs(file, 'false'));
  const runMs = Date.now() - calibrate;
  assert.equal(first.code, 0, first.stderr);
  const b = readFileSync(file);
  assert.notDeepEqual(a, b);
  for (const bytes of [a, b]) parseXml(bytes.toString('utf8').replace(/^\uFEFF/, ''), { fileName: file });

  let old = 0;
  let replaced = 0;
  let killed = 0;
  let tempLeft = 0;
  for (let i = 0; i < KILLS; i++) {
    const before = readFileSync(file);
    const toB = before.equals(a);
    // Half uniform over the whole run and a little past it (start-up, read, temp write, fsync,
    // rename); half in its second part, where the temp file is written and renamed.
    const delay = Math.random() < 0.5 ? Math.random() * runMs * 1.3 : runMs * (0.6 + Math.random() * 0.5);
    const signal = await killedWriter(setArgs(file, toB ? 'false' : 'true'), delay);
    if (signal === 'SIGKILL') killed++;
    const after = readFileSync(file);
    const expectedNew = toB ? b : a;
    assert.ok(after.equals(before) || after.equals(expectedNew), `kill ${i}: the file is neither the old nor the new content`);
    if (after.equals(before)) old++;
    else replaced++;
    // A temp file left behind means the kill came while the new content was being written.
    if (readdirSync(dirname(file)).some((n) => n.endsWith('.tmp'))) tempLeft++;
  }
  t.diagnostic(`${KILLS} runs, ${killed} killed: ${old} left the old content, ${replaced} the new; ${tempLeft} times a half-written temp file was left (and cleaned by the next writer)`);
  assert.ok(killed > KILLS / 4, 'most writers should have been killed mid-run');

  // The next writer takes over the abandoned lock and cleans the abandoned temp files.
  const last = await spawnAppcmd(setArgs(file, readFileSync(file).equals(a) ? 'false' : 'true'));
  assert.equal(last.code, 0, last.stderr);
  assert.deepEqual(readdirSync(dirname(file)), [basename(file)]);
  writeFileSync(file, a);
});
