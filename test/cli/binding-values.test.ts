/**
 * A binding's IP:port:host (http, https, ftp) is checked wherever one is written: add site
 * /bindings, set site /bindings, set config on the bindings collection, siteDefaults. A port
 * outside 1–65535, an IP part that is no address or a host header with a URL's delimiters is
 * refused (13) and nothing is written; other protocols' forms are left alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, tempCopy } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');

function refused(file: string, args: readonly string[], why: RegExp): void {
  const before = readFileSync(file, 'utf8');
  const r = appcmd([...args, `/apphostconfig:${file}`]);
  assert.equal(r.code, 13, `${args.join(' ')}\n${r.stdout}${r.stderr}`);
  assert.match(r.stderr, /Invalid binding information for bindingInformation: /);
  assert.match(r.stderr, why);
  assert.equal(readFileSync(file, 'utf8'), before, 'nothing is written');
}

test('a port outside 1–65535 is refused on every path that writes a binding', () => {
  const file = tempCopy(fixture);
  const port = /the port "99999" is not a number from 1 to 65535/;
  refused(file, ['add', 'site', '/name:New', '/bindings:ftp/*:99999:', '/physicalPath:C:\\x'], port);
  refused(file, ['set', 'site', 'Default Web Site', '/bindings:http/*:80:,ftp/*:99999:'], port);
  refused(file, ['set', 'config', '-section:sites', "/+[name='Default Web Site'].bindings.[protocol='ftp',bindingInformation='*:99999:']"], port);
  refused(file, ['set', 'config', '-section:sites', "/[name='Default Web Site'].bindings.[protocol='http',bindingInformation='*:80:'].bindingInformation:*:99999:"], port);
  refused(file, ['set', 'config', '-section:sites', "/+siteDefaults.bindings.[protocol='http',bindingInformation='*:99999:']"], port);
  refused(file, ['add', 'site', '/name:New', '/bindings:http/*:0:', '/physicalPath:C:\\x'], /the port "0"/);
  refused(file, ['add', 'site', '/name:New', '/bindings:http/*::', '/physicalPath:C:\\x'], /the port ""/);
  refused(file, ['add', 'site', '/name:New', '/bindings:http/*:8o:', '/physicalPath:C:\\x'], /the port "8o"/);
});

test('the IP part and the host header are checked too', () => {
  const file = tempCopy(fixture);
  const add = (binding: string): string[] => ['add', 'site', '/name:New', `/bindings:${binding}`, '/physicalPath:C:\\x'];
  refused(file, add('http/256.0.0.1:80:'), /"256\.0\.0\.1" is not an IP address/);
  refused(file, add('http/www.contoso.com:80:'), /"www\.contoso\.com" is not an IP address/);
  refused(file, add('https/[::g]:443:'), /"\[::g\]" is not an IP address/);
  refused(file, add('http/*:80:www.contoso.com/app'), /the host header "www\.contoso\.com\/app" holds "\/"/);
  refused(file, add('http/*:80:a b'), /the host header "a b" holds " "/);
});

test('valid forms, and the forms of other protocols, are written as given', () => {
  const file = tempCopy(fixture);
  const ok = [
    'http/*:8080:',
    'https/10.0.0.1:443:www.contoso.com',
    'http/:8080:localhost',
    'https/[::1]:8443:',
    'https/[2001:db8::ffff:10.0.0.1]:9443:*.contoso.com',
    'ftp/*:65535:',
    'net.tcp/808:*',
    'net.pipe/*',
    'msmq.formatname/localhost',
  ];
  const r = appcmd(['add', 'site', '/name:Valid', `/bindings:${ok.join(',')}`, '/physicalPath:C:\\x', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(file, 'utf8');
  for (const b of ok) assert.ok(text.includes(`bindingInformation="${b.slice(b.indexOf('/') + 1)}"`), b);
});
