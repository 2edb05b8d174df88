import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBindings, parseBindings, sameBindingSet } from '../../src/appcmd/bindings.js';
import { isAppcmdError } from '../../src/errors.js';

test('appcmd binding forms: protocol/bindingInformation, comma-separated, kept as written', () => {
  assert.deepEqual(parseBindings('http/*:80:,https/10.0.0.1:443:www.contoso.com,net.tcp/808:*,net.pipe/*'), [
    { protocol: 'http', bindingInformation: '*:80:' },
    { protocol: 'https', bindingInformation: '10.0.0.1:443:www.contoso.com' },
    { protocol: 'net.tcp', bindingInformation: '808:*' },
    { protocol: 'net.pipe', bindingInformation: '*' },
  ]);
  assert.deepEqual(parseBindings(''), []);
  assert.equal(formatBindings(parseBindings('http/*:80:,ftp/*:21:')), 'http/*:80:,ftp/*:21:');
});

test('bindings as URLs, as scripts pass them: default ports, host names, addresses', () => {
  const cases: [string, string][] = [
    ['ftp://*:21', 'ftp/*:21:'],
    ['ftp://*', 'ftp/*:21:'],
    ['http://*:9999', 'http/*:9999:'],
    ['http://www.contoso.com', 'http/*:80:www.contoso.com'],
    ['https://www.contoso.com/', 'https/*:443:www.contoso.com'],
    ['HTTP://10.1.2.3:8080/app', 'http/10.1.2.3:8080:'],
    ['https://[::1]:8443', 'https/[::1]:8443:'],
    ['http://host,https://host', 'http/*:80:host,https/*:443:host'],
  ];
  for (const [input, expected] of cases) assert.equal(formatBindings(parseBindings(input)), expected, input);
});

test('what is neither form is refused with the forms in the hint (13)', () => {
  for (const bad of ['nonsense', 'http/', '/x', 'gopher://host', 'http://host:99999', 'http://:80']) {
    assert.throws(
      () => parseBindings(bad),
      (e: unknown) => isAppcmdError(e) && e.win32 === 13 && e.message === `Invalid binding "${bad}".`,
      bad,
    );
  }
});

test('a binding set compares without regard to order or case', () => {
  const a = parseBindings('http/*:80:,FTP/*:21:');
  assert.ok(sameBindingSet(a, parseBindings('ftp/*:21:,http/*:80:')));
  assert.ok(!sameBindingSet(a, parseBindings('ftp/*:21:')));
  assert.ok(!sameBindingSet(a, parseBindings('ftp/*:21:,http/*:81:')));
});
