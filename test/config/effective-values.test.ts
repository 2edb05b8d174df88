/**
 * Effective values as IIS computes them, on real files: <clear/> and <remove/> in collections,
 * siteDefaults and the section-level applicationDefaults, and inheritance through <location>
 * levels (corpus 01 has 139 location blocks; 19 has <remove> in a location).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServerManager } from '../../src/config/server-manager.js';
import { corpusFile, referenceSchemaDir } from '../helpers/paths.js';

const open = (nn: string) => ServerManager.open(corpusFile(nn), { schemaDirs: [referenceSchemaDir], readOnly: true }).getApplicationHostConfiguration();
const WINDOWS_AUTH = 'system.webServer/security/authentication/windowsAuthentication';

test('location levels: a path inherits from its parent path, which inherits from the server level', () => {
  const c = open('01');
  const at = (p: string) => c.getSection(WINDOWS_AUTH, p).getAttribute('enabled');
  assert.deepEqual([at('').value, at('').source], [false, 'explicit']);
  assert.deepEqual([at('pubsprod.lmbps.com').value, at('pubsprod.lmbps.com').source], [true, 'explicit']);
  assert.deepEqual([at('pubsprod.lmbps.com/ncipladmin').value, at('pubsprod.lmbps.com/ncipladmin').source], [false, 'explicit']);
  // No location of its own: the parent path's value, not the server's.
  assert.deepEqual([at('pubsprod.lmbps.com/other').value, at('pubsprod.lmbps.com/other').source], [true, 'inherited']);
  // Paths match case-insensitively, with or without MACHINE/WEBROOT/APPHOST and a trailing slash.
  assert.equal(at('MACHINE/WEBROOT/APPHOST/PubsProd.lmbps.com/').value, true);
  // A site without any location falls back to the server level.
  assert.deepEqual([at('ncidc-guam.lmbps.com').value, at('ncidc-guam.lmbps.com').source], [false, 'inherited']);
  // A path that names no site is not a configuration path at all, as in IIS.
  assert.throws(() => at('GUAM2'), /Unrecognized configuration path 'MACHINE\/WEBROOT\/APPHOST\/GUAM2'/);
});

test('<clear/> at a location drops the inherited collection items', () => {
  const c = open('01');
  const providers = (p: string) => c.getSection(WINDOWS_AUTH, p).getCollection('providers').items().map((i) => i.getAttributeValue('value'));
  assert.deepEqual(providers(''), ['Negotiate', 'NTLM']);
  assert.deepEqual(providers('pubsprod.lmbps.com'), ['Negotiate', 'NTLM']);
  assert.deepEqual(providers('pert-ncidc.lmbps.com'), ['NTLM']);
  const headers = (p: string) => c.getSection('system.webServer/httpProtocol', p).getCollection('customHeaders').items().map((i) => i.getAttributeValue('name'));
  assert.deepEqual(headers(''), ['X-Powered-By']);
  assert.deepEqual(headers('pert-ncidc.lmbps.com'), ['X-Powered-By', 'MicrosoftSharePointTeamServices']);
});

test('<remove/> at a location drops one inherited item', () => {
  const c = open('19');
  const names = (p: string) => c.getSection('system.webServer/modules', p).getCollection().items().map((i) => String(i.getAttributeValue('name')));
  const server = names('');
  const api = names('api');
  assert.ok(server.includes('WebMatrixSupportModule'));
  assert.ok(!api.includes('WebMatrixSupportModule'));
  assert.deepEqual(api, server.filter((n) => n !== 'WebMatrixSupportModule'));
});

test('siteDefaults and the section-level applicationDefaults supply what a site does not set', () => {
  const sites = open('01').getSection('system.applicationHost/sites').getCollection();
  const site = sites.find({ name: 'GUAM' });
  assert.ok(site !== undefined);
  const logFile = site.getChildElement('logFile');
  assert.deepEqual([logFile.getAttribute('directory').value, logFile.getAttribute('directory').source], ['D:\\IISLogs\\GUAM', 'explicit']);
  assert.deepEqual([logFile.getAttribute('logFormat').value, logFile.getAttribute('logFormat').source], ['W3C', 'defaultElement']);
  assert.deepEqual([logFile.getAttribute('period').value, logFile.getAttribute('period').source], ['Daily', 'schemaDefault']);
  const tfrl = site.getChildElement('traceFailedRequestsLogging').getAttribute('directory');
  assert.deepEqual([tfrl.value, tfrl.source], ['%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles', 'defaultElement']);
  // The site's applicationDefaults fall back to <sites><applicationDefaults applicationPool="DefaultAppPool"/>.
  const root = site.getCollection().find({ path: '/' });
  assert.ok(root !== undefined);
  const pool = root.getAttribute('applicationPool');
  assert.equal(pool.isInheritedFromDefaultValue, root.explicitText('applicationPool') === undefined);
  if (root.explicitText('applicationPool') === undefined) assert.equal(pool.value, 'DefaultAppPool');
  const vdir = root.getCollection().find({ path: '/' });
  assert.deepEqual([vdir?.getAttribute('allowSubDirConfig').value, vdir?.getAttribute('allowSubDirConfig').source], [true, 'defaultElement']);
});

test('system.applicationHost sections cannot be read at a path (AppHostOnly), with IIS\'s text', () => {
  assert.throws(() => open('01').getSection('system.applicationHost/sites', 'GUAM'), (e: unknown) => {
    const err = e as { code: string; message: string };
    assert.equal(err.code, 'LOCKED');
    assert.match(err.message, /^This configuration section cannot be used at this path\. This happens when the section is locked at a parent level\./);
    return true;
  });
});
