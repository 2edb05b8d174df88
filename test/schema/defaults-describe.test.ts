/**
 * effectiveDefault (what an unset attribute is worth, written as IIS writes it) and
 * describeAttribute (the one-line help text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledSchema } from '../../src/schema/loader.js';
import { describeAttribute, effectiveDefault, effectiveDefaultValue, normalizeValue } from '../../src/schema/value.js';
import type { AttributeSchema } from '../../src/schema/types.js';
import { makeAttribute, values } from './make-attribute.js';
import { attributesOf } from './schema-walk.js';

const schema = bundledSchema();

function at(section: string, path: string): AttributeSchema {
  const s = schema.getSection(section);
  assert.ok(s !== undefined);
  const found = attributesOf(s, section).find((a) => a.path === `${section}${path}`)?.attr;
  assert.ok(found !== undefined, path);
  return found;
}

describe('effectiveDefault', () => {
  it('writes schema defaults the way IIS writes values', () => {
    const pools = 'system.applicationHost/applicationPools';
    assert.equal(effectiveDefault(at(pools, '/[add]/recycling/periodicRestart@time')), '1.05:00:00');
    assert.equal(
      effectiveDefault(at('system.ftpServer/log', '/centralLogFile@selectiveLogging')),
      'LogSuccessful, LogError, LogInfrastructure',
    );
    assert.equal(
      effectiveDefault(at('system.applicationHost/sites', '/[site]/logFile@logExtFileFlags')),
      'Date, Time, ClientIP, UserName, ServerIP, Method, UriStem, UriQuery, HttpStatus, Win32Status, TimeTaken, ServerPort, UserAgent, Referer, HttpSubStatus',
    );
    assert.equal(effectiveDefault(at(pools, '/[add]/processModel@password')), '[enc:IISWASOnlyAesProvider::enc]');
  });

  it("is the type's zero when the schema gives none", () => {
    assert.equal(effectiveDefault(makeAttribute({ type: 'uint' })), '0');
    assert.equal(effectiveDefault(makeAttribute({ type: 'bool' })), 'false');
    assert.equal(effectiveDefault(makeAttribute({ type: 'string' })), '');
    assert.equal(effectiveDefault(makeAttribute({ type: 'timeSpan' })), '00:00:00');
    assert.equal(effectiveDefault(makeAttribute({ type: 'enum', values: values({ Allow: 0, Deny: 1 }) })), 'Allow');
    assert.equal(effectiveDefault(makeAttribute({ type: 'flags', values: values({ LongDate: 2 }) })), '');
    assert.equal(effectiveDefault(makeAttribute({ type: 'flags', values: values({ None: 0, Ssl: 8 }) })), 'None');
  });

  it('is not validated (siteDefaults@name has the implicit "" its siteName rule refuses)', () => {
    const name = at('system.applicationHost/sites', '/siteDefaults@name');
    assert.equal(effectiveDefault(name), '');
    assert.throws(() => normalizeValue(name, ''));
  });

  it('has a typed counterpart', () => {
    assert.equal(effectiveDefaultValue(at('system.applicationHost/sites', '/[site]/limits@maxBandwidth')), 4294967295);
    assert.equal(effectiveDefaultValue(at('system.applicationHost/sites', '/[site]/logFile@truncateSize')), 20971520n);
    assert.equal(effectiveDefaultValue(at('system.applicationHost/sites', '/[site]@serverAutoStart')), true);
  });

  it('every shipped default decodes to its canonical text, which decodes to itself', () => {
    for (const section of schema.sections) {
      for (const { path, attr } of attributesOf(section, section.path)) {
        // A required attribute without a default is always written, so its default is never read:
        // customMetadata's dataType and the mapping rules' certificateField have no zero name.
        if (attr.required && attr.defaultValue === undefined) continue;
        const text = effectiveDefault(attr);
        if (attr.validationType === undefined) assert.equal(normalizeValue(attr, text), text, path);
      }
    }
  });
});

describe('describeAttribute', () => {
  const sites = 'system.applicationHost/sites';
  const cases: [string, string][] = [
    [
      '/[site]/ftpServer/security/ssl@controlChannelPolicy',
      'enum: SslAllow | SslRequire | SslRequireCredentialsOnly; default SslRequire',
    ],
    ['/[site]/ftpServer/security/ssl@serverCertHash', 'string; default ""'],
    ['/[site]/limits@maxBandwidth', 'uint; default 4294967295; not 0 to 1023'],
    ['/[site]/limits@connectionTimeout', 'timeSpan ([d.]hh:mm:ss); default 00:02:00; 00:00:00 to 18:12:15, whole seconds'],
    ['/[site]@name', 'string; default ""; a site name (no / or ?); required; unique key'],
    ['/[site]/bindings/[binding]@protocol', 'string; default ""; not empty; required; part of the key'],
    ['/[site]/logFile@directory', 'string; default %SystemDrive%\\inetpub\\logs\\LogFiles; not empty; %VARIABLES% expanded'],
    ['/[site]/logFile@logTargetW3C', 'flags, comma-separated: File, ETW; default File'],
  ];
  for (const [path, expected] of cases) {
    it(path, () => assert.equal(describeAttribute(at(sites, path)), expected));
  }
  it('timeSpanRange with a step', () => {
    const idle = at('system.applicationHost/applicationPools', '/[add]/processModel@idleTimeout');
    assert.equal(describeAttribute(idle), 'timeSpan ([d.]hh:mm:ss); default 00:20:00; 00:00:00 to 30.00:00:00, multiples of 60 seconds');
  });
  it('encrypted and unknown validators', () => {
    const password = at('system.applicationHost/applicationPools', '/[add]/processModel@password');
    assert.equal(describeAttribute(password), 'string; default [enc:IISWASOnlyAesProvider::enc]; encrypted');
    assert.equal(describeAttribute(makeAttribute({ type: 'string', validationType: 'fancy', validationParameter: 'p' })), 'string; default ""; fancy p');
  });
});
