/**
 * Every FTP attribute — ftpServer under <site> and under <siteDefaults>, and the nine
 * system.ftpServer sections — gets a valid value, a boundary value and an invalid one. Cases are
 * derived from each attribute's schema facts by the plain rules below (an oracle independent of
 * src/schema's code paths); the five <ssl> attributes have their verdicts written out by hand.
 * Finally the same cases run against Microsoft's own files, which must give identical verdicts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledSchema, loadSchemaDir } from '../../src/schema/loader.js';
import { effectiveDefault } from '../../src/schema/value.js';
import type { AttributeSchema, ElementSchema } from '../../src/schema/types.js';
import { referenceSchemaDir } from '../helpers/paths.js';
import { verdict } from './assert-value.js';
import { attributesOf, findAttributeAt, type AttributeAt } from './schema-walk.js';
import { FTP_SECTIONS } from './shipped-sections.js';

interface Case {
  readonly kind: 'valid' | 'boundary' | 'invalid';
  readonly input: string;
  /** "ok:<canonical>" or "error:VALUE_INVALID:<IIS text>". */
  readonly expected: string;
}

const ok = (text: string): string => `ok:${text}`;
const err = (text: string): string => `error:VALUE_INVALID:${text}`;


const ours = bundledSchema();
const microsoft = loadSchemaDir(referenceSchemaDir);

interface FtpAttribute extends AttributeAt {
  readonly section: string;
}

function ftpAttributes(): FtpAttribute[] {
  const sites = ours.getSection('system.applicationHost/sites');
  assert.ok(sites?.collection !== undefined);
  const under = (element: ElementSchema | undefined, path: string): FtpAttribute[] => {
    assert.ok(element !== undefined, path);
    return attributesOf(element, path).map((a) => ({ ...a, section: 'system.applicationHost/sites' }));
  };
  const all: FtpAttribute[] = [
    ...under(sites.collection.item.getElement('ftpServer'), 'system.applicationHost/sites/[site]/ftpServer'),
    ...under(sites.getElement('siteDefaults')?.getElement('ftpServer'), 'system.applicationHost/sites/siteDefaults/ftpServer'),
  ];
  for (const path of FTP_SECTIONS) {
    const section = ours.getSection(path);
    assert.ok(section !== undefined, path);
    all.push(...attributesOf(section, path).map((a) => ({ ...a, section: path })));
  }
  return all;
}

// --- the oracle: expected verdicts from the schema facts -------------------------------------

const UINT_MAX = 4294967295n;
const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const INT64_MAX = 9223372036854775807n;

function casesFor(attr: AttributeSchema): Case[] {
  const names = attr.values.map((v) => v.name);
  switch (attr.type) {
    case 'bool':
      return [
        { kind: 'valid', input: 'False', expected: ok('false') },
        { kind: 'boundary', input: 'TRUE', expected: ok('true') },
        { kind: 'invalid', input: 'yes', expected: err('Not a valid boolean value') },
      ];
    case 'enum': {
      const first = attr.values[0];
      const top = [...attr.values].sort((a, b) => b.value - a.value)[0];
      assert.ok(first !== undefined && top !== undefined);
      const message = `Enum must be one of ${names.join(', ')}`;
      return [
        { kind: 'valid', input: first.name.toLowerCase(), expected: ok(first.name) },
        { kind: 'boundary', input: String(top.value), expected: ok(top.name) },
        { kind: 'invalid', input: String(top.value + 1), expected: err(message) },
        { kind: 'invalid', input: 'NoSuchValue', expected: err(message) },
      ];
    }
    case 'flags': {
      const ordered = [...attr.values].sort((a, b) => a.value - b.value).filter((v) => v.value !== 0);
      const all = ordered.map((v) => v.name).join(', ');
      const sum = ordered.reduce((s, v) => s + v.value, 0);
      return [
        { kind: 'valid', input: [...names].reverse().join(','), expected: ok(all) },
        { kind: 'boundary', input: String(sum), expected: ok(all) },
        { kind: 'boundary', input: '', expected: ok(attr.values.find((v) => v.value === 0)?.name ?? '') },
        { kind: 'invalid', input: `${names[0] ?? ''},Bogus`, expected: err(`Flags must be some combination of ${names.join(', ')}`) },
      ];
    }
    case 'uint':
      return integerCases(attr, 0n, UINT_MAX, 'Not a valid unsigned integer');
    case 'int':
      return integerCases(attr, INT_MIN, INT_MAX, 'Not a valid integer');
    case 'int64':
      return integerCases(attr, -INT64_MAX - 1n, INT64_MAX, 'Not a valid 64-bit integer');
    case 'timeSpan':
      assert.equal(attr.validationType, undefined, 'no FTP timeSpan has a range');
      return [
        { kind: 'valid', input: '00:00:30', expected: ok('00:00:30') },
        { kind: 'boundary', input: '29:00:00', expected: ok('1.05:00:00') },
        { kind: 'invalid', input: '00:61:00', expected: err('Not a valid timespan value') },
      ];
    case 'string':
      if (attr.validationType === 'nonEmptyString') {
        return [
          { kind: 'valid', input: 'x', expected: ok('x') },
          { kind: 'boundary', input: ' ', expected: ok(' ') },
          { kind: 'invalid', input: '', expected: err('String must not be empty') },
        ];
      }
      assert.equal(attr.validationType, undefined, attr.name);
      // IIS has no rule for these strings: what looks wrong is still accepted, and must be.
      return [
        { kind: 'valid', input: 'value', expected: ok('value') },
        { kind: 'boundary', input: '', expected: ok('') },
        { kind: 'invalid', input: '<&"\'> \t', expected: ok('<&"\'> \t') },
      ];
  }
}

function integerCases(attr: AttributeSchema, typeMin: bigint, typeMax: bigint, typeMessage: string): Case[] {
  if (attr.validationType === undefined) {
    return [
      { kind: 'valid', input: typeMin.toString(), expected: ok(typeMin.toString()) },
      { kind: 'boundary', input: typeMax.toString(), expected: ok(typeMax.toString()) },
      { kind: 'invalid', input: (typeMax + 1n).toString(), expected: err(typeMessage) },
      { kind: 'invalid', input: 'ten', expected: err(typeMessage) },
    ];
  }
  assert.equal(attr.validationType, 'integerRange');
  const [minText, maxText, flag] = (attr.validationParameter ?? '').split(',');
  const min = BigInt(minText ?? '');
  const max = BigInt(maxText ?? '');
  if (flag === 'exclude') {
    const message = `Integer value must not be between ${min} and ${max} inclusive`;
    return [
      { kind: 'valid', input: (max + 1n).toString(), expected: ok((max + 1n).toString()) },
      { kind: 'boundary', input: max.toString(), expected: err(message) },
      { kind: 'boundary', input: min.toString(), expected: err(message) },
      { kind: 'invalid', input: ((min + max) / 2n).toString(), expected: err(message) },
    ];
  }
  const message = `Integer value must be between ${min} and ${max} inclusive`;
  const below = min - 1n;
  const above = max + 1n;
  return [
    { kind: 'valid', input: min.toString(), expected: ok(min.toString()) },
    { kind: 'boundary', input: max.toString(), expected: ok(max.toString()) },
    below >= typeMin
      ? { kind: 'invalid', input: below.toString(), expected: err(message) }
      : { kind: 'invalid', input: below.toString(), expected: err(typeMessage) },
    above <= typeMax
      ? { kind: 'invalid', input: above.toString(), expected: err(message) }
      : { kind: 'invalid', input: above.toString(), expected: err(typeMessage) },
  ];
}

// --- the tests ---------------------------------------------------------------------------------

const attributes = ftpAttributes();

describe('FTP attributes: valid, boundary and invalid values', () => {
  it('covers 66 site, 67 siteDefaults and 43 section attributes', () => {
    const count = (prefix: string): number => attributes.filter((a) => a.path.startsWith(prefix)).length;
    assert.equal(count('system.applicationHost/sites/[site]/'), 66);
    assert.equal(count('system.applicationHost/sites/siteDefaults/'), 67);
    assert.equal(count('system.ftpServer/'), 43);
  });

  for (const { path, attr } of attributes) {
    it(path, () => {
      const cases = casesFor(attr);
      for (const kind of ['valid', 'boundary', 'invalid'] as const) assert.ok(cases.some((c) => c.kind === kind), `${path}: no ${kind} case`);
      for (const c of cases) assert.equal(verdict(attr, c.input), c.expected, `${path} ${c.kind} ${JSON.stringify(c.input)}`);
    });
  }
});

describe('FTP over SSL: the five <ssl> attributes, verdicts written out by hand', () => {
  const SSL_CASES: Record<string, [string, string][]> = {
    controlChannelPolicy: [
      ['SslAllow', ok('SslAllow')],
      ['sslrequire', ok('SslRequire')],
      ['SSLREQUIRECREDENTIALSONLY', ok('SslRequireCredentialsOnly')],
      ['0', ok('SslAllow')],
      ['2', ok('SslRequireCredentialsOnly')],
      ['3', err('Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly')],
      ['SslDeny', err('Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly')],
      ['', err('Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly')],
      ['Foo', err('Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly')],
    ],
    dataChannelPolicy: [
      ['SslAllow', ok('SslAllow')],
      ['SslRequire', ok('SslRequire')],
      ['ssldeny', ok('SslDeny')],
      ['1', ok('SslRequire')],
      ['2', ok('SslDeny')],
      ['3', err('Enum must be one of SslAllow, SslRequire, SslDeny')],
      ['SslRequireCredentialsOnly', err('Enum must be one of SslAllow, SslRequire, SslDeny')],
      ['', err('Enum must be one of SslAllow, SslRequire, SslDeny')],
    ],
    // A plain string without validation in IIS: any text is stored as given.
    serverCertHash: [
      ['9C6E626342DEED75BF5FBEA611AF21305FBF965C', ok('9C6E626342DEED75BF5FBEA611AF21305FBF965C')],
      ['57686f6120447564652c2049495320526f636b73', ok('57686f6120447564652c2049495320526f636b73')],
      ['', ok('')],
      ['not a thumbprint', ok('not a thumbprint')],
    ],
    serverCertStoreName: [
      ['MY', ok('MY')],
      ['WebHosting', ok('WebHosting')],
      ['', ok('')],
    ],
    ssl128: [
      ['True', ok('true')],
      ['false', ok('false')],
      ['FALSE', ok('false')],
      ['1', err('Not a valid boolean value')],
      ['yes', err('Not a valid boolean value')],
      ['', err('Not a valid boolean value')],
    ],
  };
  const DEFAULTS: Record<string, string> = {
    controlChannelPolicy: 'SslRequire',
    dataChannelPolicy: 'SslRequire',
    serverCertHash: '',
    serverCertStoreName: 'MY',
    ssl128: 'false',
  };

  for (const owner of ['[site]', 'siteDefaults']) {
    const base = `system.applicationHost/sites/${owner}/ftpServer/security/ssl`;
    it(`${owner}: exactly these five attributes`, () => {
      const names = attributes.filter((a) => a.path.startsWith(`${base}@`)).map((a) => a.attr.name);
      assert.deepEqual(names, ['serverCertHash', 'serverCertStoreName', 'ssl128', 'controlChannelPolicy', 'dataChannelPolicy']);
    });
    for (const [name, cases] of Object.entries(SSL_CASES)) {
      it(`${owner}: ssl@${name}`, () => {
        const attr = attributes.find((a) => a.path === `${base}@${name}`)?.attr;
        assert.ok(attr !== undefined);
        assert.equal(effectiveDefault(attr), DEFAULTS[name]);
        for (const [input, expected] of cases) assert.equal(verdict(attr, input), expected, `${name} ${JSON.stringify(input)}`);
      });
    }
  }
});

describe("the same verdicts from Microsoft's schema files", () => {
  it('every generated case, on every FTP attribute, site and siteDefaults', () => {
    let compared = 0;
    for (const { path, attr, section } of attributes) {
      const theirs = findAttributeAt(microsoft, section, path);
      assert.ok(theirs !== undefined, `${path} missing from Microsoft's files`);
      for (const c of casesFor(attr)) {
        assert.equal(verdict(theirs, c.input), verdict(attr, c.input), `${path} ${JSON.stringify(c.input)}`);
        compared++;
      }
      assert.equal(effectiveDefault(theirs), effectiveDefault(attr), `${path} default`);
    }
    assert.ok(compared > 500, `only ${compared} cases`);
  });
});
