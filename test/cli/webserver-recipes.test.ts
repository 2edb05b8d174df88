/**
 * The most common system.webServer command lines of real appcmd scripts, run without /schemadir:
 * against copies of corpus file 10 (a real IIS server's applicationHost.config, with its
 * "Default Web Site" unlocked by <location path="Default Web Site" overrideMode="Allow">). Each
 * recipe's output and changed lines are checked against a golden file; a second run leaves the
 * file byte-identical, and a wrong value gets IIS's text with the file untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { corpusFile, referenceSchemaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { runRecipes, type Recipe } from './recipes.js';

const SITE = 'Default Web Site';
const PHP = 'C:\\PHP\\php-cgi.exe';

const RECIPES: readonly Recipe[] = [
  {
    item: 'default documents: add index.php first, at the server',
    commands: [['set', 'config', '-section:system.webServer/defaultDocument', "/+files.[@start,value='index.php']", '/commit:apphost']],
    again: 'duplicate',
    wrong: ['set', 'config', '-section:defaultDocument', '/enabled:maybe', '/commit:apphost'],
  },
  {
    item: 'default documents: a site of its own, enabled',
    commands: [['set', 'config', SITE, '-section:defaultDocument', "/+files.[value='home.html']", '/enabled:true', '/commit:apphost']],
    again: 'duplicate',
  },
  {
    item: 'httpErrors: replace the 404 page with a URL',
    commands: [
      ['set', 'config', '-section:system.webServer/httpErrors', "/-[statusCode='404']", '/commit:apphost'],
      ['set', 'config', '-section:system.webServer/httpErrors', "/+[statusCode='404',subStatusCode='-1',prefixLanguageFilePath='',path='/errors/404.html',responseMode='ExecuteURL']", '/commit:apphost'],
    ],
    again: 'duplicate',
    wrong: ['set', 'config', '-section:httpErrors', "/+[statusCode='200',path='/ok.html']", '/commit:apphost'],
  },
  {
    item: 'httpErrors: detailed errors at a site',
    commands: [['set', 'config', SITE, '-section:httpErrors', '/errorMode:Detailed', '/existingResponse:PassThrough', '/commit:apphost']],
    again: 'same',
    wrong: ['set', 'config', SITE, '-section:httpErrors', '/errorMode:Verbose', '/commit:apphost'],
  },
  {
    item: 'staticContent: a mimeMap and client caching',
    commands: [
      ['set', 'config', '-section:staticContent', "/+[fileExtension='.webp',mimeType='image/webp']", '/commit:apphost'],
      ['set', 'config', '-section:staticContent', '/clientCache.cacheControlMode:UseMaxAge', '/clientCache.cacheControlMaxAge:7.00:00:00', '/commit:apphost'],
    ],
    again: 'same',
    wrong: ['set', 'config', '-section:staticContent', "/+[fileExtension='.avif',mimeType='']", '/commit:apphost'],
  },
  {
    item: 'requestFiltering: deny an extension, raise the upload limit',
    commands: [
      ['set', 'config', '-section:system.webServer/security/requestFiltering', "/+fileExtensions.[fileExtension='.bak',allowed='false']", '/commit:apphost'],
      ['set', 'config', '-section:system.webServer/security/requestFiltering', '/requestLimits.maxAllowedContentLength:104857600', '/requestLimits.maxUrl:8192', '/commit:apphost'],
    ],
    again: 'same',
    wrong: ['set', 'config', '-section:system.webServer/security/requestFiltering', '/requestLimits.maxAllowedContentLength:-1', '/commit:apphost'],
  },
  {
    item: 'customHeaders: remove X-Powered-By (added first: this server has cleared its headers)',
    commands: [
      ['set', 'config', '-section:system.webServer/httpProtocol', "/+customHeaders.[name='X-Powered-By',value='ASP.NET']", '/commit:apphost'],
      ['set', 'config', '-section:system.webServer/httpProtocol', "/-customHeaders.[name='X-Powered-By']", '/commit:apphost'],
    ],
    again: 'gone',
  },
  {
    item: 'customHeaders: add security headers at a site',
    commands: [
      ['set', 'config', SITE, '-section:httpProtocol', "/+customHeaders.[name='X-Frame-Options',value='SAMEORIGIN']", '/commit:apphost'],
      ['set', 'config', SITE, '-section:httpProtocol', "/+customHeaders.[name='X-Content-Type-Options',value='nosniff']", '/commit:apphost'],
    ],
    again: 'duplicate',
    wrong: ['set', 'config', SITE, '-section:httpProtocol', "/+customHeaders.[name='X-Test',valeu='1']", '/commit:apphost'],
  },
  {
    item: 'authentication: anonymous off, windows and basic on, at a site',
    commands: [
      ['set', 'config', SITE, '-section:system.webServer/security/authentication/anonymousAuthentication', '/enabled:false', '/commit:apphost'],
      ['set', 'config', SITE, '-section:windowsAuthentication', '/enabled:true', '/commit:apphost'],
      ['set', 'config', SITE, '-section:basicAuthentication', '/enabled:true', '/realm:example', '/commit:apphost'],
    ],
    again: 'same',
    wrong: ['set', 'config', SITE, '-section:anonymousAuthentication', '/enabled:yes', '/commit:apphost'],
  },
  {
    item: 'authentication: anonymous back on, basic off, at the server',
    commands: [
      ['set', 'config', '-section:anonymousAuthentication', '/enabled:true', '/userName:IUSR', '/commit:apphost'],
      ['set', 'config', '-section:basicAuthentication', '/enabled:false', '/commit:apphost'],
    ],
    again: 'same',
  },
  {
    item: 'ipSecurity: allow a subnet, deny one address, deny the rest, at a site',
    commands: [
      ['set', 'config', SITE, '-section:system.webServer/security/ipSecurity', "/+[ipAddress='192.168.1.0',subnetMask='255.255.255.0',allowed='true']", '/commit:apphost'],
      ['set', 'config', SITE, '-section:system.webServer/security/ipSecurity', "/+[ipAddress='192.168.1.66',allowed='false']", '/commit:apphost'],
      ['set', 'config', SITE, '-section:system.webServer/security/ipSecurity', '/allowUnlisted:false', '/denyAction:NotFound', '/commit:apphost'],
    ],
    again: 'same',
    wrong: ['set', 'config', SITE, '-section:system.webServer/security/ipSecurity', '/denyAction:Teapot', '/commit:apphost'],
  },
  {
    item: 'ipSecurity: remove a rule',
    commands: [
      ['set', 'config', SITE, '-section:system.webServer/security/ipSecurity', "/+[ipAddress='10.0.0.5',allowed='false']", '/commit:apphost'],
      ['set', 'config', SITE, '-section:system.webServer/security/ipSecurity', "/-[ipAddress='10.0.0.5']", '/commit:apphost'],
    ],
    again: 'gone',
  },
  {
    item: 'handlers and modules: unlock for web.config, then lock handlers again',
    commands: [
      ['unlock', 'config', '-section:system.webServer/handlers'],
      ['unlock', 'config', '-section:system.webServer/modules'],
      ['lock', 'config', '-section:system.webServer/handlers'],
    ],
    again: 'same',
  },
  {
    item: 'handlers and modules: unlock at a site',
    commands: [['unlock', 'config', SITE, '-section:modules']],
    again: 'same',
  },
  {
    item: 'httpCompression: compress JSON, gzip level 9, dynamic compression on',
    commands: [
      ['set', 'config', '-section:httpCompression', "/+dynamicTypes.[mimeType='application/json',enabled='true']", '/commit:apphost'],
      ['set', 'config', '-section:httpCompression', "/[name='gzip'].dynamicCompressionLevel:9", '/commit:apphost'],
      ['set', 'config', '-section:urlCompression', '/doDynamicCompression:true', '/commit:apphost'],
    ],
    again: 'same',
    wrong: ['set', 'config', '-section:httpCompression', "/[name='gzip'].dynamicCompressionLevel:high", '/commit:apphost'],
  },
  {
    item: 'fastCgi: a PHP application, its environment, and its handler',
    commands: [
      ['set', 'config', '-section:system.webServer/fastCgi', `/+[fullPath='${PHP}',arguments='',maxInstances='4',instanceMaxRequests='10000']`, '/commit:apphost'],
      ['set', 'config', '-section:system.webServer/fastCgi', `/+[fullPath='${PHP}',arguments=''].environmentVariables.[name='PHP_FCGI_MAX_REQUESTS',value='10000']`, '/commit:apphost'],
      ['set', 'config', '-section:system.webServer/handlers', `/+[name='PHP_via_FastCGI',path='*.php',verb='*',modules='FastCgiModule',scriptProcessor='${PHP}',resourceType='Either']`, '/commit:apphost'],
    ],
    again: 'duplicate',
    wrong: ['set', 'config', '-section:fastCgi', `/+[fullPath='${PHP}',maxInstances='10001']`, '/commit:apphost'],
  },
  {
    item: 'fastCgi: only at the server',
    commands: [['set', 'config', SITE, '-section:fastCgi', `/+[fullPath='${PHP}']`, '/commit:apphost']],
    again: 'skip',
  },
  {
    item: 'directoryBrowse: on at a site, with the columns shown',
    commands: [['set', 'config', SITE, '-section:directoryBrowse', '/enabled:true', '/showFlags:Date,Time,Size,Extension', '/commit:apphost']],
    again: 'same',
    wrong: ['set', 'config', SITE, '-section:directoryBrowse', '/showFlags:Date,Colour', '/commit:apphost'],
  },
];

test('the common system.webServer recipes, on a copy of corpus 10 without /schemadir: (golden)', () => {
  assertGolden('webserver-recipes.txt', runRecipes(corpusFile('10'), RECIPES));
});

/** A URL Rewrite schema of our own making, the part a recipe needs, to give with /schemadir:. */
const REWRITE_SCHEMA = `<configSchema>
  <sectionSchema name="system.webServer/rewrite/globalRules">
    <attribute name="useOriginalURLEncoding" type="bool" defaultValue="true" />
    <collection addElement="rule" clearElement="clear" removeElement="remove" allowUnrecognizedAttributes="true">
      <attribute name="name" type="string" required="true" isUniqueKey="true" validationType="nonEmptyString" />
    </collection>
  </sectionSchema>
</configSchema>
`;

test('URL Rewrite and ARR, outside the bundled schema: untouched, listed as unvalidated, writable with /schemadir:', () => {
  const file = tempCopy(corpusFile('07'));
  const before = snapshot(file);
  const all = appcmd(['list', 'config', `/apphostconfig:${file}`]);
  assert.equal(all.code, 0, all.stderr);
  for (const section of ['system.webServer/diskCache', 'system.webServer/proxy', 'webFarms']) {
    assert.match(all.stderr, new RegExp(`no schema describes section "${section.replace(/\//g, '\\/')}"; it is shown as stored, unvalidated`));
  }
  const atSite = appcmd(['list', 'config', 'Default Web Site', '-section:system.webServer/rewrite/allowedServerVariables', `/apphostconfig:${file}`]);
  assert.equal(atSite.code, 0, atSite.stderr);
  assert.match(atSite.stderr, /no schema describes section "system\.webServer\/rewrite\/allowedServerVariables"/);
  const refused = appcmd(['set', 'config', '-section:system.webServer/rewrite/globalRules', '/useOriginalURLEncoding:false', `/apphostconfig:${file}`]);
  assert.equal(refused.code, 87);
  // A change to a bundled section leaves the unknown ones byte for byte as they were.
  assert.equal(appcmd(['set', 'config', '-section:defaultDocument', '/enabled:false', `/apphostconfig:${file}`]).code, 0);
  const text = readFileSync(file, 'utf8');
  const unknown = (t: string): string => t.slice(t.indexOf('<diskCache>'), t.indexOf('</configuration>'));
  assert.equal(unknown(text), unknown(before.bytes.toString('utf8')));
  const schemaDir = join(tempDir('appcmd-rewrite-schema-'), 'schema');
  mkdirSync(schemaDir);
  writeFileSync(join(schemaDir, 'rewrite_schema.xml'), REWRITE_SCHEMA);
  const withSchema = ['/schemadir:' + referenceSchemaDir, '/schemadir:' + schemaDir];
  const set = appcmd(['set', 'config', '-section:system.webServer/rewrite/globalRules', '/useOriginalURLEncoding:false', ...withSchema, `/apphostconfig:${file}`]);
  assert.equal(set.code, 0, set.stderr);
  assert.match(readFileSync(file, 'utf8'), /<globalRules useOriginalURLEncoding="false"/);
});
