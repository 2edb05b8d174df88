/**
 * Every validationType, with IIS's texts: valid values, both boundaries, just outside, and the
 * exclude ranges — the two maxBandwidth attributes taken from the shipped schema itself.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppcmdError } from '../../src/errors.js';
import { bundledSchema, loadSchemaDir } from '../../src/schema/loader.js';
import { normalizeValue } from '../../src/schema/value.js';
import type { AttributeSchema } from '../../src/schema/types.js';
import { accepts, rejects, verdict } from './assert-value.js';
import { attributesOf } from './schema-walk.js';
import { referenceSchemaDir } from '../helpers/paths.js';
import { makeAttribute } from './make-attribute.js';

describe('nonEmptyString', () => {
  const attr = makeAttribute({ type: 'string', validationType: 'nonEmptyString' });
  it('accepts any non-empty text, even blank', () => {
    accepts(attr, 'x');
    accepts(attr, ' ');
  });
  it('refuses ""', () => rejects(attr, '', 'String must not be empty'));
});

describe('integerRange', () => {
  const attr = makeAttribute({ type: 'uint', validationType: 'integerRange', validationParameter: '400,999' });
  const message = 'Integer value must be between 400 and 999 inclusive';
  it('accepts both bounds and values between', () => {
    accepts(attr, '400');
    accepts(attr, '999');
    accepts(attr, '500');
  });
  it('refuses just outside', () => {
    rejects(attr, '399', message);
    rejects(attr, '1000', message);
  });
  it('checks the type first', () => rejects(attr, '-1', 'Not a valid unsigned integer'));
  it('works on int with a negative minimum', () => {
    const signed = makeAttribute({ type: 'int', validationType: 'integerRange', validationParameter: '-1,999' });
    accepts(signed, '-1');
    rejects(signed, '-2', 'Integer value must be between -1 and 999 inclusive');
  });
  it('works on int64 beyond 32 bits (logFile@truncateSize)', () => {
    const big = makeAttribute({ type: 'int64', validationType: 'integerRange', validationParameter: '1048576,4294967295' });
    accepts(big, '1048576');
    accepts(big, '4294967295');
    rejects(big, '1048575', 'Integer value must be between 1048576 and 4294967295 inclusive');
    rejects(big, '4294967296', 'Integer value must be between 1048576 and 4294967295 inclusive');
  });
});

describe('integerRange with exclude: the value must lie outside', () => {
  const sites = bundledSchema().getSection('system.applicationHost/sites');
  const site = sites?.collection?.item;
  const limitsBandwidth = site?.getElement('limits')?.getAttribute('maxBandwidth');
  const ftpBandwidth = site?.getElement('ftpServer')?.getElement('connections')?.getAttribute('maxBandwidth');

  it('sites/site/limits@maxBandwidth (0,1023,exclude): 0..1023 refused, 1024 and up accepted', () => {
    const attr = required(limitsBandwidth);
    assert.equal(attr.validationParameter, '0,1023,exclude');
    const message = 'Integer value must not be between 0 and 1023 inclusive';
    rejects(attr, '0', message);
    rejects(attr, '1', message);
    rejects(attr, '1023', message);
    accepts(attr, '1024');
    accepts(attr, '4294967295');
  });

  it('ftpServer/connections@maxBandwidth (0,4294967294,exclude): only 4294967295 accepted', () => {
    const attr = required(ftpBandwidth);
    assert.equal(attr.validationParameter, '0,4294967294,exclude');
    const message = 'Integer value must not be between 0 and 4294967294 inclusive';
    rejects(attr, '0', message);
    rejects(attr, '1024', message);
    rejects(attr, '4294967294', message);
    accepts(attr, '4294967295');
  });
});

describe('timeSpanRange', () => {
  const attr = makeAttribute({ type: 'timeSpan', validationType: 'timeSpanRange', validationParameter: '0,2592000,60' });
  const message = 'Timespan value must be between 00:00:00 and 30.00:00:00 seconds inclusive, with a granularity of 60 seconds';
  it('accepts both bounds and whole minutes', () => {
    accepts(attr, '00:00:00');
    accepts(attr, '30.00:00:00');
    accepts(attr, '00:20:00');
    accepts(attr, '720:00:00', '30.00:00:00');
  });
  it('refuses just outside and off the granularity', () => {
    rejects(attr, '30.00:01:00', message);
    rejects(attr, '-00:01:00', message);
    rejects(attr, '00:00:30', message);
    rejects(attr, '00:20:01', message);
  });
  it('counts whole seconds, truncating fractions (as .NET Ticks / 10^7)', () => {
    accepts(attr, '00:20:00.9999999', '00:20:00.9999999');
  });
  it('granularity 1 with a minimum of 1 (processModel@pingInterval)', () => {
    const ping = makeAttribute({ type: 'timeSpan', validationType: 'timeSpanRange', validationParameter: '1,4294967,1' });
    const pingMessage = 'Timespan value must be between 00:00:01 and 49.17:02:47 seconds inclusive, with a granularity of 1 seconds';
    accepts(ping, '00:00:01');
    accepts(ping, '49.17:02:47');
    rejects(ping, '00:00:00', pingMessage);
    rejects(ping, '49.17:02:48', pingMessage);
  });
  it('a minimum of 60 (failure@rapidFailProtectionInterval)', () => {
    const rapid = makeAttribute({ type: 'timeSpan', validationType: 'timeSpanRange', validationParameter: '60,8640000,60' });
    accepts(rapid, '00:01:00');
    accepts(rapid, '100.00:00:00');
    rejects(rapid, '00:00:00', 'Timespan value must be between 00:01:00 and 100.00:00:00 seconds inclusive, with a granularity of 60 seconds');
  });
  it('exclude: the value must lie outside', () => {
    const outside = makeAttribute({ type: 'timeSpan', validationType: 'timeSpanRange', validationParameter: '60,120,1,exclude' });
    const outsideMessage = 'Timespan value must not be between 00:01:00 and 00:02:00 seconds inclusive, with a granularity of 1 seconds';
    accepts(outside, '00:00:59');
    accepts(outside, '00:02:01');
    rejects(outside, '00:01:00', outsideMessage);
    rejects(outside, '00:02:00', outsideMessage);
  });
  it('Infinite is never range-checked', () => {
    const infinite = makeAttribute({ type: 'timeSpan', allowInfinite: true, validationType: 'timeSpanRange', validationParameter: '0,60,1' });
    accepts(infinite, 'Infinite');
  });
});

describe('siteName', () => {
  const attr = makeAttribute({ type: 'string', validationType: 'siteName' });
  it('accepts names IIS accepts, including characters only IIS Manager refuses', () => {
    for (const ok of ['Default Web Site', 'ftp.example.com', 'a:b', 'a&b', 'a\\b', 'PresentationLayer(1)', 'x']) accepts(attr, ok);
  });
  it('refuses / and ?, and an empty or blank name', () => {
    for (const bad of ['a/b', 'a?b', '/', '', '   ']) rejects(attr, bad, 'Invalid site name');
  });
});

describe('applicationPoolName', () => {
  const attr = makeAttribute({ type: 'string', validationType: 'applicationPoolName' });
  it('accepts ordinary pool names', () => {
    for (const ok of ['DefaultAppPool', 'Classic .NET AppPool', '.NET v4.5', 'api AppPool', 'redisoncloud.com', 'a-b_c(1)']) accepts(attr, ok);
  });
  it('refuses each forbidden character and an empty name', () => {
    for (const ch of '|<>&\\"/[]+=;:,?*@') rejects(attr, `a${ch}b`, 'Invalid application pool name');
    rejects(attr, '', 'Invalid application pool name');
    rejects(attr, ' ', 'Invalid application pool name');
    rejects(attr, '!*(#&*(', 'Invalid application pool name');
  });
});

describe('applicationPath and virtualDirectoryPath', () => {
  const cases: [string, string][] = [
    ['applicationPath', 'Invalid application path'],
    ['virtualDirectoryPath', 'Invalid virtual directory path'],
  ];
  for (const [validationType, message] of cases) {
    const attr = makeAttribute({ type: 'string', validationType });
    it(`${validationType}: valid paths`, () => {
      for (const ok of ['/', '/app', '/a/b', '/a.b/c..d', '/...']) accepts(attr, ok);
    });
    it(`${validationType}: invalid paths`, () => {
      for (const bad of ['', 'app', '/app/', '//', '/./a', '/a/..', '/..', '\\app', ' /app']) rejects(attr, bad, message);
    });
  }
});

describe('requireTrimmedString', () => {
  const attr = makeAttribute({ type: 'string', validationType: 'requireTrimmedString' });
  it('accepts trimmed text and ""', () => {
    accepts(attr, 'a b');
    accepts(attr, '');
  });
  it('refuses leading or trailing white space', () => {
    for (const bad of [' a', 'a ', '\ta', 'a\n']) rejects(attr, bad, 'String must not begin or end with white space');
  });
});

describe('the empty value, for every validationType', () => {
  // What each validator answers for "", so a new validator must say how it treats it.
  const table: Record<string, { type: AttributeSchema['type']; parameter?: string; verdict: string }> = {
    nonEmptyString: { type: 'string', verdict: 'error:VALUE_INVALID:String must not be empty' },
    siteName: { type: 'string', verdict: 'error:VALUE_INVALID:Invalid site name' },
    applicationPoolName: { type: 'string', verdict: 'error:VALUE_INVALID:Invalid application pool name' },
    applicationPath: { type: 'string', verdict: 'error:VALUE_INVALID:Invalid application path' },
    virtualDirectoryPath: { type: 'string', verdict: 'error:VALUE_INVALID:Invalid virtual directory path' },
    requireTrimmedString: { type: 'string', verdict: 'ok:' },
    integerRange: { type: 'uint', parameter: '0,10', verdict: 'error:VALUE_INVALID:Not a valid unsigned integer' },
    timeSpanRange: { type: 'timeSpan', parameter: '0,60,1', verdict: 'error:VALUE_INVALID:Not a valid timespan value' },
  };
  it('covers every validationType the bundled and the IIS schema use', () => {
    const used = new Set<string>();
    for (const schema of [bundledSchema(), loadSchemaDir(referenceSchemaDir)]) {
      for (const section of schema.sections) {
        for (const { attr } of attributesOf(section, section.path)) if (attr.validationType !== undefined) used.add(attr.validationType);
      }
    }
    assert.deepEqual([...used].filter((t) => !(t in table)), []);
  });
  for (const [validationType, c] of Object.entries(table)) {
    it(`${validationType}: "" → ${c.verdict}`, () => {
      const attr = makeAttribute({ type: c.type, validationType, ...(c.parameter === undefined ? {} : { validationParameter: c.parameter }) });
      assert.equal(verdict(attr, ''), c.verdict);
    });
  }
});

describe('unknown validationType', () => {
  it('is accepted without a check (a newer schema file may name validators we do not know)', () => {
    const attr = makeAttribute({ type: 'string', validationType: 'somethingNew', validationParameter: 'x' });
    accepts(attr, '');
    accepts(attr, 'anything');
  });
});

describe('a broken range parameter', () => {
  it('is a schema fault, not a value fault', () => {
    const attr = makeAttribute({ type: 'uint', validationType: 'integerRange', validationParameter: 'ten,20' });
    assert.throws(() => normalizeValue(attr, '5'), (e: unknown) => isAppcmdError(e) && e.code === 'SCHEMA_INVALID');
  });
});

function required(attr: AttributeSchema | undefined): AttributeSchema {
  assert.ok(attr !== undefined);
  return attr;
}
