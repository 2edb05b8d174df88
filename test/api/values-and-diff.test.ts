/** timeSpan ↔ milliseconds, and the unified diff of a commit result (checked by applying it back). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { join } from 'node:path';
import { AppcmdError, ServerManager, getSites, millisecondsToTimeSpan, timeSpanToMilliseconds, unifiedDiff, type TextEdit } from '../../src/index.js';
import { tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

test('timeSpan text ↔ milliseconds, as IIS writes timeSpans', () => {
  assert.equal(timeSpanToMilliseconds('00:20:00'), 1_200_000);
  assert.equal(timeSpanToMilliseconds('1.05:00:00'), 29 * 3_600_000);
  assert.equal(timeSpanToMilliseconds('29:00:00'), 29 * 3_600_000);
  assert.equal(timeSpanToMilliseconds('00:00:00.0001'), 0.1);
  assert.equal(timeSpanToMilliseconds('-00:00:01'), -1000);
  assert.equal(timeSpanToMilliseconds('Infinite'), Infinity);
  assert.equal(millisecondsToTimeSpan(29 * 3_600_000), '1.05:00:00');
  assert.equal(millisecondsToTimeSpan(1500), '00:00:01.5000000');
  assert.equal(millisecondsToTimeSpan(Infinity), 'Infinite');
  assert.throws(() => timeSpanToMilliseconds('20 minutes'), (e: unknown) => e instanceof AppcmdError && e.message === 'Not a valid timespan value');
  assert.throws(() => millisecondsToTimeSpan(Number.NaN), (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID');
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ms) => {
      assert.equal(timeSpanToMilliseconds(millisecondsToTimeSpan(ms)), ms);
    }),
  );
});

/** A text's lines without terminators (a final line break does not start another line). */
function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Applies a unified diff without context lines to the lines of `before`, checking every removed line is where it says. */
function applyDiff(before: string, diff: string): string[] {
  const lines = toLines(before);
  let shift = 0;
  const body = diff.split('\n').slice(2, -1);
  for (let i = 0; i < body.length; ) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(body[i] ?? '');
    assert.ok(m !== null, `hunk header expected: ${body[i]}`);
    const oldCount = Number(m[2] ?? '1');
    const oldStart = oldCount === 0 ? Number(m[1]) : Number(m[1]) - 1;
    i++;
    const removed: string[] = [];
    const added: string[] = [];
    while (i < body.length && !(body[i] ?? '').startsWith('@@')) {
      const l = body[i] ?? '';
      if (l.startsWith('-')) removed.push(l.slice(1));
      else added.push(l.slice(1));
      i++;
    }
    assert.equal(removed.length, oldCount);
    assert.equal(Number(m[3]) - (added.length === 0 ? 0 : 1), oldStart + shift, 'new start line');
    assert.deepEqual(lines.slice(oldStart + shift, oldStart + shift + removed.length), removed);
    lines.splice(oldStart + shift, removed.length, ...added);
    shift += added.length - removed.length;
  }
  return lines;
}

test('unifiedDiff of real commits: one changed line; added lines; nothing', () => {
  const file = tempCopy(join(fixturesDir, 'applicationHost.config'));
  const manager = ServerManager.open(file);
  const sites = getSites(manager);
  assert.equal(unifiedDiff(manager.commitChanges({ dryRun: true })), '');
  const web = sites.get('Default Web Site');
  assert.ok(web !== undefined);
  web.ftpServer.security.ssl.controlChannelPolicy = 'SslRequire';
  const ftp = sites.get('ftp.example.com');
  assert.ok(ftp !== undefined);
  ftp.serverAutoStart = false;
  const result = manager.commitChanges({ dryRun: true });
  const diff = unifiedDiff(result);
  assert.equal(
    diff,
    [
      '--- a/applicationHost.config',
      '+++ b/applicationHost.config',
      '@@ -46,0 +47,5 @@',
      '+                <ftpServer>',
      '+                    <security>',
      '+                        <ssl controlChannelPolicy="SslRequire" />',
      '+                    </security>',
      '+                </ftpServer>',
      '@@ -48 +53 @@',
      '-            <site name="ftp.example.com" id="2" serverAutoStart="true">',
      '+            <site name="ftp.example.com" id="2" serverAutoStart="false">',
      '',
    ].join('\n'),
  );
  assert.deepEqual(applyDiff(result.before, diff), toLines(result.after));
});

test('unifiedDiff of random edits applies back to the edited text (property)', () => {
  const line = fc.stringMatching(/^[a-z <>="/]{0,12}$/);
  const text = fc.tuple(fc.array(line, { minLength: 0, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, final]) => ls.join(eol) + (final && ls.length > 0 ? eol : ''));
  const editsFor = (t: string) =>
    fc
      .array(fc.tuple(fc.nat({ max: t.length }), fc.nat({ max: 8 }), fc.stringMatching(/^[a-z\n ]{0,10}$/)), { maxLength: 5 })
      .map((raw) => {
        // Non-overlapping, in order, never splitting a CRLF.
        const edits: TextEdit[] = [];
        let cursor = 0;
        for (const [at, len, insert] of [...raw].sort((a, b) => a[0] - b[0])) {
          let offset = Math.max(at, cursor);
          if (t[offset - 1] === '\r') offset++;
          let end = Math.min(offset + len, t.length);
          if (t[end - 1] === '\r') end++;
          if (offset > t.length || end > t.length) continue;
          const eol = t.includes('\r\n') ? '\r\n' : '\n';
          edits.push({ offset, length: end - offset, text: insert.replace(/\n/g, eol) });
          cursor = end;
        }
        return edits;
      });
  fc.assert(
    fc.property(text.chain((t) => fc.tuple(fc.constant(t), editsFor(t))), ([before, edits]) => {
      let after = '';
      let cursor = 0;
      for (const e of edits) {
        after += before.slice(cursor, e.offset) + e.text;
        cursor = e.offset + e.length;
      }
      after += before.slice(cursor);
      const diff = unifiedDiff({ before, edits });
      if (after === before) assert.equal(diff, '');
      // Like diff without its "\ No newline at end of file", a change of the final line break alone is not shown.
      else if (toLines(after).join('\n') !== toLines(before).join('\n')) assert.notEqual(diff, '');
      assert.deepEqual(applyDiff(before, diff), toLines(after));
    }),
    { numRuns: 300 },
  );
});
