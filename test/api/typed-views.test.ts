/**
 * The typed views: typed reads of effective values (explicit → siteDefaults → schema default),
 * writes that go through the schema, and enum unions that match the schema they stand for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppcmdError,
  CONTROL_CHANNEL_POLICIES,
  DATA_CHANNEL_POLICIES,
  IDENTITY_TYPES,
  LOGON_METHODS,
  PIPELINE_MODES,
  START_MODES,
  ServerManager,
  bundledSchema,
  getApplicationDefaults,
  getApplicationPoolDefaults,
  getApplicationPools,
  getSiteDefaults,
  getSites,
  getVirtualDirectoryDefaults,
  loadSchemaDir,
  type ControlChannelPolicy,
  type ElementSchema,
  type SchemaSet,
} from '../../src/index.js';
import { appcmd, tempCopy } from '../helpers/cli.js';
import { fixturesDir, referenceSchemaDir } from '../helpers/paths.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const readOnly = (): ServerManager => ServerManager.open(fixture, { readOnly: true });

test('sites: typed values, lookups by name (any case) and id, children as views', () => {
  const sites = getSites(readOnly());
  assert.equal(sites.count, 3);
  const ftp = sites.get('FTP.example.com');
  assert.ok(ftp !== undefined);
  assert.deepEqual([ftp.name, ftp.id, ftp.serverAutoStart], ['ftp.example.com', 2, true]);
  assert.equal(sites.getById(3)?.name, 'ftp.intranet');
  assert.equal(sites.get('nope'), undefined);
  assert.equal(sites.nextId(), 4);
  assert.deepEqual([...sites].map((s) => s.id), [1, 2, 3]);
  assert.deepEqual(ftp.bindings.items().map((b) => [b.protocol, b.bindingInformation, b.sslFlags]), [['ftp', '*:21:', 0]]);
  assert.equal(ftp.bindings.get('FTP', '*:21:')?.protocol, 'ftp');
  const root = ftp.applications.get('/');
  assert.equal(root?.applicationPool, 'FtpPool');
  assert.equal(root?.enabledProtocols, 'http');
  const vdir = root?.virtualDirectories.get('/');
  assert.deepEqual([vdir?.path, vdir?.physicalPath, vdir?.logonMethod, vdir?.allowSubDirConfig], ['/', 'D:\\ftproot', 'ClearText', true]);
});

test('effective values: a site without <ftpServer> reads siteDefaults, then the schema default', () => {
  const manager = readOnly();
  const web = getSites(manager).get('Default Web Site');
  assert.ok(web !== undefined);
  const ssl = web.ftpServer.security.ssl;
  assert.equal(ssl.isPresent, false);
  assert.equal(ssl.serverCertStoreName, 'WebHosting'); // siteDefaults
  assert.equal(ssl.controlChannelPolicy, 'SslRequire'); // schema default
  assert.equal(ssl.ssl128, false);
  assert.equal(ssl.serverCertHash, '');
  assert.equal(getSiteDefaults(manager).ftpServer.security.ssl.serverCertStoreName, 'WebHosting');
  assert.equal(getApplicationDefaults(manager).applicationPool, 'DefaultAppPool');
  assert.equal(web.applications.get('/')?.applicationPool, 'DefaultAppPool');
  assert.equal(getVirtualDirectoryDefaults(manager).allowSubDirConfig, true);
  // int64 reads as a bigint, flags as their canonical names.
  const logFile = web.element.getChildElement('logFile');
  assert.equal(logFile.getAttributeValue('truncateSize'), 20_971_520n);
  assert.equal(logFile.getAttributeValue('logTargetW3C'), 'File');
});

test('application pools: enums as names, bool, number, timeSpan as text and as milliseconds', () => {
  const manager = readOnly();
  const pools = getApplicationPools(manager);
  const pool = pools.get('DefaultAppPool');
  assert.ok(pool !== undefined);
  assert.deepEqual(
    [pool.name, pool.managedRuntimeVersion, pool.managedPipelineMode, pool.startMode, pool.autoStart, pool.queueLength, pool.enable32BitAppOnWin64],
    ['DefaultAppPool', 'v4.0', 'Integrated', 'OnDemand', true, 1000, false],
  );
  assert.deepEqual([pool.processModel.idleTimeout, pool.processModel.idleTimeoutMs, pool.processModel.maxProcesses], ['00:20:00', 1_200_000, 1]);
  assert.equal(getApplicationPoolDefaults(manager).processModel.identityType, 'ApplicationPoolIdentity');
});

test('setters write through the schema: canonical text, IIS\'s error for a value it rejects', () => {
  const file = tempCopy(fixture);
  const manager = ServerManager.open(file);
  const sites = getSites(manager);
  const intranet = sites.get('ftp.intranet');
  assert.ok(intranet !== undefined);
  const ssl = intranet.ftpServer.security.ssl;
  ssl.controlChannelPolicy = 'SslRequireCredentialsOnly';
  ssl.dataChannelPolicy = 'SslDeny';
  ssl.serverCertHash = '‎AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01';
  assert.equal(ssl.serverCertHash, 'ABCDEF0123456789ABCDEF0123456789ABCDEF01', 'the write policy cleaned the pasted thumbprint');
  assert.throws(
    () => {
      ssl.controlChannelPolicy = 'SslDeny' as ControlChannelPolicy;
    },
    (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID' && e.message === 'Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly',
  );
  const pool = getApplicationPools(manager).get('FtpPool');
  assert.ok(pool !== undefined);
  pool.processModel.idleTimeoutMs = 90 * 60_000;
  assert.equal(pool.processModel.idleTimeout, '01:30:00');
  assert.throws(() => {
    pool.processModel.idleTimeoutMs = 31 * 24 * 3_600_000; // above the schema's 30 days
  }, (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID');
  manager.commitChanges();
  // The same file appcmd reads back, with the values written.
  const r = appcmd(['list', 'config', '-section:system.applicationHost/sites', `/apphostconfig:${file}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<ssl controlChannelPolicy="SslRequireCredentialsOnly" dataChannelPolicy="SslDeny" serverCertHash="ABCDEF0123456789ABCDEF0123456789ABCDEF01" \/>/);
  assert.match(readFileSync(file, 'utf8'), /<processModel idleTimeout="01:30:00" \/>/);
});

test('typed add: sites (lowest free id, root application, bindings, each key unique), pools, bindings, applications, virtual directories', () => {
  const file = tempCopy(fixture);
  const manager = ServerManager.open(file);
  const sites = getSites(manager);
  const site = sites.add('shop.example.com', { physicalPath: 'D:\\shop', bindings: [{ protocol: 'https', bindingInformation: '*:443:shop.example.com' }] });
  assert.deepEqual([site.name, site.id], ['shop.example.com', 4]);
  site.bindings.add('http', '*:80:shop.example.com');
  const api = site.applications.add('/api', { physicalPath: 'D:\\shop\\api', applicationPool: 'ShopApi' });
  api.virtualDirectories.add('/docs', 'D:\\docs');
  getApplicationPools(manager).add('ShopApi', { managedRuntimeVersion: '', managedPipelineMode: 'Integrated' }).startMode = 'AlwaysRunning';
  assert.throws(() => sites.add('bad/name'), (e: unknown) => e instanceof AppcmdError && e.code === 'VALUE_INVALID' && e.message === 'Invalid site name');
  assert.throws(() => site.bindings.add('http', '*:80:shop.example.com'), (e: unknown) => e instanceof AppcmdError && e.code === 'DUPLICATE');
  // name and id are each a key of their own: reusing either one is a duplicate.
  assert.throws(
    () => sites.add('FTP.INTRANET'),
    (e: unknown) => e instanceof AppcmdError && e.code === 'DUPLICATE' && e.message === "Cannot add duplicate collection entry of type 'site' with unique key attribute 'name' set to 'FTP.INTRANET'",
  );
  assert.throws(
    () => sites.add('other.example.com', { id: 2 }),
    (e: unknown) => e instanceof AppcmdError && e.code === 'DUPLICATE' && e.message === "Cannot add duplicate collection entry of type 'site' with unique key attribute 'id' set to '2'",
  );
  assert.equal(sites.count, 4, 'refused adds leave nothing behind');
  manager.commitChanges();
  const again = getSites(ServerManager.open(file, { readOnly: true })).get('shop.example.com');
  assert.deepEqual(again?.bindings.items().map((b) => b.bindingInformation), ['*:443:shop.example.com', '*:80:shop.example.com']);
  assert.deepEqual(again?.applications.items().map((a) => [a.path, a.applicationPool]), [['/', 'DefaultAppPool'], ['/api', 'ShopApi']]);
  assert.deepEqual(again?.applications.get('/api')?.virtualDirectories.items().map((v) => v.path), ['/', '/docs']);
});

test('collection views: remove, removeAt and clear act on the file', () => {
  const file = tempCopy(fixture);
  const manager = ServerManager.open(file);
  const sites = getSites(manager);
  sites.remove(sites.get('ftp.intranet') ?? assert.fail());
  sites.removeAt(0);
  assert.deepEqual(sites.items().map((s) => s.name), ['ftp.example.com']);
  assert.equal(sites.nextId(), 1, 'a removed site\'s id is free again, as IIS reuses it');
  const bindings = sites.get('ftp.example.com')?.bindings;
  assert.equal(bindings?.clear(), true);
  assert.equal(bindings?.count, 0);
  manager.commitChanges();
  assert.deepEqual(getSites(ServerManager.open(file, { readOnly: true })).items().map((s) => [s.name, s.bindings.count]), [['ftp.example.com', 0]]);
});

/** The enum names an attribute has in a schema, following element names from a section. */
function enumNames(schema: SchemaSet, section: string, path: readonly string[], attribute: string): string[] {
  let element: ElementSchema | undefined = schema.getSection(section);
  for (const name of path) {
    const collection = element?.collection;
    element = collection !== undefined && collection.addElementNames.includes(name) ? collection.item : element?.getElement(name);
  }
  return element?.getAttribute(attribute)?.values.map((v) => v.name) ?? [];
}

/** Where each of the views' enum lists comes from: section, element path below it, attribute. */
const ENUM_SOURCES: ReadonlyArray<readonly [readonly string[], string, readonly string[], string]> = [
  [CONTROL_CHANNEL_POLICIES, 'system.applicationHost/sites', ['site', 'ftpServer', 'security', 'ssl'], 'controlChannelPolicy'],
  [DATA_CHANNEL_POLICIES, 'system.applicationHost/sites', ['site', 'ftpServer', 'security', 'ssl'], 'dataChannelPolicy'],
  [PIPELINE_MODES, 'system.applicationHost/applicationPools', ['add'], 'managedPipelineMode'],
  [START_MODES, 'system.applicationHost/applicationPools', ['add'], 'startMode'],
  [IDENTITY_TYPES, 'system.applicationHost/applicationPools', ['add', 'processModel'], 'identityType'],
  [LOGON_METHODS, 'system.applicationHost/sites', ['site', 'application', 'virtualDirectory'], 'logonMethod'],
];

for (const [label, load] of [
  ['the bundled schema', () => bundledSchema()],
  ["Microsoft's IIS_schema.xml and Ftp_schema.xml", () => loadSchemaDir(referenceSchemaDir)],
] as const) {
  test(`the views' enum unions list exactly the names of ${label}`, () => {
    const schema = load();
    for (const [names, section, path, attribute] of ENUM_SOURCES) {
      assert.deepEqual([...names], enumNames(schema, section, path, attribute), `${section}/${path.join('/')}@${attribute}`);
    }
  });
}
