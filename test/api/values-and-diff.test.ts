/** timeSpan ↔ milliseconds, and the unified diff of a commit result (checked by applying it back). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { join } from 'node:path';
import { AppcmdError, ServerManager, getSites, millisecondsToTimeSpan, timeSpanToMilliseconds, unifiedDiff, type TextEdit } from '../../src/index.js';
import { tempCopy } from '../helpers/cli.js';
import { applyUnifiedDiff } from '../helpers/unified-diff.js';
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

test('unifiedDiff of real commits: a diff -u with context that patch applies; nothing when nothing changes', () => {
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
  // The labels are diff's a/ and b/; the fixture's CRLF line ends are kept, so patch applies it as is.
  assert.equal(
    diff,
    [
      '--- a/applicationHost.config\n',
      '+++ b/applicationHost.config\n',
      '@@ -44,8 +44,13 @@\n',
      '                 <bindings>\r\n',
      '                     <binding protocol="http" bindingInformation="*:80:" />\r\n',
      '                 </bindings>\r\n',
      '+                <ftpServer>\r\n',
      '+                    <security>\r\n',
      '+                        <ssl controlChannelPolicy="SslRequire" />\r\n',
      '+                    </security>\r\n',
      '+                </ftpServer>\r\n',
      '             </site>\r\n',
      '-            <site name="ftp.example.com" id="2" serverAutoStart="true">\r\n',
      '+            <site name="ftp.example.com" id="2" serverAutoStart="false">\r\n',
      '                 <application path="/" applicationPool="FtpPool">\r\n',
      '                     <virtualDirectory path="/" physicalPath="D:\\ftproot" />\r\n',
      '                 </application>\r\n',
    ].join(''),
  );
  assert.equal(applyUnifiedDiff(result.before, diff), result.after);
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
      assert.equal(diff === '', after === before);
      assert.equal(applyUnifiedDiff(before, diff), after);
    }),
    { numRuns: 300 },
  );
});
