import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Configuration } from '../../src/config/configuration.js';
import { ServerManager } from '../../src/config/server-manager.js';
import { objectValue } from '../../src/appcmd/app-object.js';
import { addApp, findApp, listApps } from '../../src/appcmd/apps.js';
import { matchesFilters } from '../../src/appcmd/filter.js';
import { addSite, findSite, nextSiteId, siteCollection } from '../../src/appcmd/sites.js';
import { addVdir, findVdir, listVdirs } from '../../src/appcmd/vdirs.js';
import { isAppcmdError } from '../../src/errors.js';
import { fixturesDir } from '../helpers/paths.js';

function fixtureConfig(): Configuration {
  return ServerManager.open(join(fixturesDir, 'applicationHost.config'), { readOnly: true }).getApplicationHostConfiguration();
}

function win32Of(f: () => unknown): number | undefined {
  try {
    f();
  } catch (e) {
    if (isAppcmdError(e)) return e.win32;
    throw e;
  }
  return undefined;
}

test('appcmd names applications and virtual directories from the site name and the paths', () => {
  const config = fixtureConfig();
  addApp(config, { siteName: 'Default Web Site', path: '/a', physicalPath: 'C:\\a' });
  addVdir(config, { appName: 'Default Web Site/a', path: '/img', physicalPath: 'C:\\img' });
  addVdir(config, { appName: 'Default Web Site/', path: '/a/deep', physicalPath: 'C:\\deep' });
  assert.deepEqual(
    listApps(config).map((a) => a.name),
    ['Default Web Site/', 'Default Web Site/a', 'ftp.example.com/', 'ftp.intranet/'],
  );
  assert.deepEqual(
    listVdirs(config)
      .filter((v) => v.name.startsWith('Default'))
      .map((v) => [v.name, objectValue(v, 'APP.NAME')]),
    [
      ['Default Web Site/', 'Default Web Site/'],
      ['Default Web Site/a/deep', 'Default Web Site/'],
      ['Default Web Site/a/', 'Default Web Site/a'],
      ['Default Web Site/a/img', 'Default Web Site/a'],
    ],
  );
  // "Site/a/img" is directory /img of application /a (the longest application path wins)...
  assert.equal(findVdir(config, 'Default Web Site/a/img', 'SET').element.getAttribute('physicalPath').text, 'C:\\img');
  // ...and "Site/a/deep" falls back to directory /a/deep of the root application.
  assert.equal(findVdir(config, 'Default Web Site/a/deep', 'SET').element.getAttribute('physicalPath').text, 'C:\\deep');
  assert.equal(findVdir(config, 'default web site/A/', 'SET').name, 'Default Web Site/a/');
  assert.equal(findApp(config, 'DEFAULT WEB SITE/a', 'SET').name, 'Default Web Site/a');
});

test('exact identifiers: 50 for the wrong form or a path inside an application, 1168 for a missing object', () => {
  const config = fixtureConfig();
  addApp(config, { siteName: 'Default Web Site', path: '/a', physicalPath: 'C:\\a' });
  assert.equal(win32Of(() => findApp(config, 'Default Web Site', 'SET')), 50);
  assert.equal(win32Of(() => findApp(config, 'Default Web Site/a/', 'SET')), 50);
  assert.equal(win32Of(() => findApp(config, '/a', 'SET')), 50);
  assert.equal(win32Of(() => findApp(config, 'Default Web Site/b', 'SET')), 50);
  assert.equal(win32Of(() => findApp(config, 'Default Web Site/a/b', 'SET')), 50);
  assert.equal(win32Of(() => findApp(config, 'No Such Site/b', 'SET')), 1168);
  assert.equal(win32Of(() => findVdir(config, 'Default Web Site', 'SET')), 50);
  assert.equal(win32Of(() => findVdir(config, 'Default Web Site/a', 'SET')), 50);
  assert.equal(win32Of(() => findVdir(config, 'Default Web Site/zz', 'SET')), 50);
  assert.equal(win32Of(() => findVdir(config, 'No Such Site/zz', 'SET')), 1168);
  assert.equal(win32Of(() => findSite(config, 'nosuch')), 1168);
  assert.equal(win32Of(() => findApp(config, 'Default Web Site/a', 'SET')), undefined);
});

test('the next site id is the lowest one no site uses', () => {
  const config = fixtureConfig();
  const sites = siteCollection(config);
  assert.equal(nextSiteId(sites), 4);
  addSite(config, { name: 'x7', id: '7' });
  addSite(config, { name: 'x5', id: '5' });
  assert.equal(nextSiteId(sites), 4);
  addSite(config, { name: 'auto' });
  assert.equal(findSite(config, 'auto').view['id'], 4);
  assert.equal(nextSiteId(sites), 6);
});

test('filters: case-insensitive equality, and $= wildcards with * and ?', () => {
  const site = findSite(fixtureConfig(), 'Default Web Site');
  // The site's name through a filter on the given text: its SITE.NAME property is `actual`.
  const valueMatches = (actual: string, wanted: string): boolean => matchesFilters({ ...site, properties: [['SITE.NAME', actual]] }, [{ name: 'SITE.NAME', value: wanted }]);
  assert.ok(valueMatches('Default Web Site', 'default web site'));
  assert.ok(valueMatches('True', 'true'));
  assert.ok(valueMatches('ftp.example.com', '$=*example*'));
  assert.ok(valueMatches('ftp.example.com', '$=FTP.*'));
  assert.ok(valueMatches('site-12', '$=site-??'));
  assert.ok(!valueMatches('site-123', '$=site-??'));
  assert.ok(!valueMatches('ftp.example.com', '$=*.org'));
  // Regex characters in a pattern are literal.
  assert.ok(valueMatches('a+b (1)', '$=a+b (?)'));
  assert.ok(!valueMatches('aab', '$=a+b'));
});
