import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimeSpan, TICKS_PER_SECOND } from '../../src/schema/timespan.js';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { corpusDir } from '../helpers/paths.js';

// Pool MyPool, whose processModel has no idleTimeout written.
const corpus06 = join(corpusDir, '06-Nordstrom-epg-interview-sysadmin.config');
const HOUR = 3600n * TICKS_PER_SECOND;

test('a timeSpan with more than 23 hours is read as hours, as IIS reads its own "29:00:00" default', () => {
  assert.equal(parseTimeSpan('99:00:00'), 99n * HOUR);
  assert.equal(parseTimeSpan('29:00:00'), 29n * HOUR);
  assert.equal(parseTimeSpan('4.03:00:00'), 99n * HOUR);
});

test('set apppool /processModel.idleTimeout:99:00:00 is accepted and written as typed; again, nothing changes', () => {
  const file = tempCopy(corpus06);
  const r = appcmd(['set', 'apppool', 'MyPool', '/processModel.idleTimeout:99:00:00', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(file, 'utf8'), /<processModel [^>]*idleTimeout="99:00:00"/);
  const before = snapshot(file);
  const again = appcmd(['set', 'apppool', 'MyPool', '/processModel.idleTimeout:99:00:00', `/apphostconfig:${file}`]);
  assert.match(again.stderr, /Unchanged/);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  // The file reads back: the value is 99 hours, within idleTimeout's 0..30 days.
  assert.equal(appcmd(['list', 'config', '-section:applicationPools', `/apphostconfig:${file}`]).code, 0);
});

test('a timeSpan key of a new collection item is written as typed, and matched by its duration', () => {
  const file = tempCopy(corpus06);
  const r = appcmd(['set', 'apppool', 'MyPool', "/+recycling.periodicRestart.schedule.[value='3:00:00']", `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(file, 'utf8'), /<schedule>\s*<add value="3:00:00" \/>\s*<\/schedule>/);
  const before = snapshot(file);
  // The same three hours spelled as IIS writes them is the same key: IIS's duplicate error.
  const twin = appcmd(['set', 'apppool', 'MyPool', "/+recycling.periodicRestart.schedule.[value='03:00:00']", `/apphostconfig:${file}`]);
  assert.equal(twin.code, 183, twin.stderr);
  assert.match(twin.stderr, /Cannot add duplicate collection entry of type 'add' with unique key attribute 'value' set to '03:00:00'/);
  assert.ok(snapshot(file).bytes.equals(before.bytes));
});

test('timeSpan values outside their fields or range are refused with IIS\'s text, and nothing is written', () => {
  const file = tempCopy(corpus06);
  const before = snapshot(file);
  const RANGE = 'Timespan value must be between 00:00:00 and 30.00:00:00 seconds inclusive, with a granularity of 60 seconds';
  const cases: ReadonlyArray<[string, string]> = [
    ['00:60:00', 'Not a valid timespan value'],
    ['00:00:60', 'Not a valid timespan value'],
    ['1.24:00:00', 'Not a valid timespan value'],
    ['00:00:00.12345678', 'Not a valid timespan value'],
    ['99:00', 'Not a valid timespan value'],
    ['-00:01:00', RANGE],
    ['721:00:00', RANGE],
  ];
  for (const [value, message] of cases) {
    const r = appcmd(['set', 'apppool', 'MyPool', `/processModel.idleTimeout:${value}`, `/apphostconfig:${file}`]);
    assert.equal(r.code, 13, value);
    assert.ok(r.stderr.startsWith(`ERROR ( message:${message} )`), `${value}: ${r.stderr}`);
  }
  assert.ok(snapshot(file).bytes.equals(before.bytes));
  assert.equal(snapshot(file).mtimeNs, before.mtimeNs);
});
