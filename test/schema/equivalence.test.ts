/**
 * The shipped schema files against Microsoft's (shared/reference/iis-schema): every section of
 * IIS_schema.xml and Ftp_schema.xml, with the same attributes at the same paths with the same
 * properties, the same elements and collections (and collection rules), and the same verdict on
 * a valid, a boundary and an invalid value of every attribute. The shipped files are our own
 * text; this test is what keeps their facts true.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledSchema, loadSchemaDir } from '../../src/schema/loader.js';
import { referenceSchemaDir } from '../helpers/paths.js';
import { SHIPPED_SECTIONS } from './shipped-sections.js';
import { verdict } from './assert-value.js';
import { probesFor, rejectable } from './value-cases.js';
import { attributesOf, findAttributeAt, signatureLines } from './schema-walk.js';

/**
 * Deliberate differences: path → reason. Each entry must match a real difference (the test fails
 * on a stale entry). There are none today: the shipped files state exactly Microsoft's facts,
 * including its oddities (siteDefaults' other traceFailedRequestsLogging directory, the
 * 0,4294967294,exclude range of ftpServer/connections@maxBandwidth), because IIS validates with
 * them and we must accept and refuse what IIS does.
 */
const DELIBERATE_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);


describe('shipped schema = Microsoft schema', () => {
  const ours = bundledSchema();
  const microsoft = loadSchemaDir(referenceSchemaDir);

  it("ships exactly the sections it promises, which are every section of Microsoft's two files", () => {
    assert.deepEqual(ours.sections.map((s) => s.path).sort(), [...SHIPPED_SECTIONS].sort());
    assert.deepEqual(microsoft.sections.map((s) => s.path).sort(), [...SHIPPED_SECTIONS].sort());
    // 56 declarations in IIS_schema.xml and 10 in Ftp_schema.xml, one of which extends sites.
    assert.equal(SHIPPED_SECTIONS.length, 65);
  });

  for (const path of SHIPPED_SECTIONS) {
    it(`${path}: same tree, same properties`, () => {
      const mine = ours.getSection(path);
      const theirs = microsoft.getSection(path);
      assert.ok(mine !== undefined && theirs !== undefined, path);
      const a = signatureLines(mine, path);
      const b = signatureLines(theirs, path);
      const differences: string[] = [];
      for (const key of new Set([...a.keys(), ...b.keys()])) {
        if (a.get(key) === b.get(key)) continue;
        if (DELIBERATE_DIFFERENCES.has(key)) continue;
        differences.push(`${key}\n  ours:      ${a.get(key) ?? '(missing)'}\n  microsoft: ${b.get(key) ?? '(missing)'}`);
      }
      assert.deepEqual(differences, []);
      assert.ok(a.size > 0);
    });

    it(`${path}: the same verdict on a valid, a boundary and an invalid value of every attribute`, () => {
      const theirs = microsoft.getSection(path);
      assert.ok(theirs !== undefined, path);
      for (const { path: at, attr } of attributesOf(theirs, path)) {
        const mine = findAttributeAt(ours, path, at);
        assert.ok(mine !== undefined, `${at} is missing from the shipped schema`);
        const probes = probesFor(attr);
        for (const kind of ['valid', 'boundary', 'invalid'] as const) assert.ok(probes.some((p) => p.kind === kind), `${at}: no ${kind} value`);
        const verdicts = probes.map((p) => verdict(attr, p.input));
        assert.deepEqual(probes.map((p) => verdict(mine, p.input)), verdicts, at);
        // The probes reach both sides of the rule: valid values pass, and where IIS can refuse a value one is refused.
        probes.forEach((p, i) => assert.ok(p.kind !== 'valid' || verdicts[i]?.startsWith('ok:') === true, `${at}: the valid value ${p.input} is refused`));
        if (rejectable(attr)) assert.ok(verdicts.some((v) => v.startsWith('error:')), `${at}: no probe is refused`);
      }
    });
  }

  it('lists no stale deliberate difference', () => {
    for (const key of DELIBERATE_DIFFERENCES.keys()) {
      const section = SHIPPED_SECTIONS.find((s) => key.startsWith(`${s}/`) || key.startsWith(`${s}@`) || key === s);
      assert.ok(section !== undefined, key);
      const mine = signatureLines(ours.getSection(section)!, section).get(key);
      const theirs = signatureLines(microsoft.getSection(section)!, section).get(key);
      assert.notEqual(mine, theirs, `${key} is listed as a difference but is equal`);
    }
  });

  it('counts: the sites tree has the 101 IIS attributes plus 66 FTP ones per site and 67 on siteDefaults', () => {
    const count = (p: string): number => [...signatureLines(ours.getSection(p)!, p).values()].filter((l) => l.startsWith('type=')).length;
    assert.equal(count('system.applicationHost/sites'), 101 + 66 + 67);
    assert.equal(count('system.applicationHost/applicationPools'), 110);
  });
});
