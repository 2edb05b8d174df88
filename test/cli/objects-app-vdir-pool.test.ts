import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempCopy } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { fixturesDir } from '../helpers/paths.js';
import { Transcript } from './transcript.js';

const fixture = join(fixturesDir, 'applicationHost.config');

test('APP and VDIR: list, add, set, delete, exact identifiers (50, also a path inside an application) and not found (1168) (golden)', () => {
  const t = new Transcript(tempCopy(fixture));
  t.note('APP');
  assert.equal(t.run(['list', 'app']).stdout.split('\n')[0], 'APP "Default Web Site/" (applicationPool:DefaultAppPool)');
  t.run(['list', 'apps', '/site.name:ftp.example.com']);
  t.run(['list', 'app', '/apppool.name:DefaultAppPool']);
  const add = t.run(['add', 'app', '/site.name:Default Web Site', '/path:/app1', '/physicalPath:C:\\inetpub\\app1', '/applicationPool:FtpPool']);
  assert.equal(add.stdout, 'APP object "Default Web Site/app1" added\nVDIR object "Default Web Site/app1/" added\n');
  t.run(['add', 'app', '/site.name:Default Web Site', '/path:/app2']);
  assert.equal(t.run(['add', 'app', '/site.name:nosuch', '/path:/x']).code, 1168);
  assert.equal(t.run(['add', 'app', '/site.name:Default Web Site', '/path:/app1']).code, 183);
  assert.equal(t.run(['add', 'app', '/site.name:Default Web Site', '/path:/app1', '/physicalPath:C:\\inetpub\\app1', '--if-not-exists']).code, 0);
  assert.equal(t.run(['add', 'app', '/path:/x']).code, 87);
  t.run(['list', 'app', 'Default Web Site/app1']);
  t.run(['set', 'app', 'Default Web Site/app1', '/applicationPool:DefaultAppPool', '/preloadEnabled:true']);
  t.run(['set', 'app', '/app.name:Default Web Site/', '/applicationPool:FtpPool']);
  assert.equal(t.run(['set', 'app', 'Default Web Site', '/applicationPool:x']).code, 50);
  assert.equal(t.run(['set', 'app', 'Default Web Site/app1/', '/applicationPool:x']).code, 50);
  assert.equal(t.run(['delete', 'app', 'Default Web Site']).code, 50);
  assert.equal(t.run(['set', 'app', 'Default Web Site/nope', '/applicationPool:x']).code, 50);
  assert.equal(t.run(['set', 'app', 'Default Web Site/app1/deeper', '/applicationPool:x']).code, 50);
  assert.equal(t.run(['set', 'app', 'nosuch/', '/applicationPool:x']).code, 1168);

  t.note('VDIR');
  t.run(['list', 'vdir']);
  const vdir = t.run(['add', 'vdir', '/app.name:Default Web Site/app1', '/path:/images', '/physicalPath:D:\\images']);
  assert.equal(vdir.stdout, 'VDIR object "Default Web Site/app1/images" added\n');
  t.run(['add', 'vdir', '/app.name:Default Web Site/', '/path:/docs', '/physicalPath:D:\\docs']);
  assert.equal(t.run(['add', 'vdir', '/app.name:Default Web Site/app1/', '/path:/x']).code, 50);
  assert.equal(t.run(['add', 'vdir', '/app.name:Default Web Site/nope', '/path:/x']).code, 50);
  assert.equal(t.run(['add', 'vdir', '/app.name:nosuch/', '/path:/x']).code, 1168);
  assert.equal(t.run(['add', 'vdir', '/app.name:Default Web Site/app1', '/path:/images']).code, 183);
  t.run(['list', 'vdirs', '/app.name:Default Web Site/app1']);
  t.run(['list', 'vdir', '/text:physicalPath']);
  t.run(['set', 'vdir', 'Default Web Site/app1/images', '/physicalPath:E:\\images', '/logonMethod:Network']);
  t.run(['set', 'vdir', '/vdir.name:Default Web Site/', '/physicalPath:C:\\www']);
  assert.equal(t.run(['set', 'vdir', 'Default Web Site/app1', '/physicalPath:x']).code, 50);
  assert.equal(t.run(['set', 'vdir', 'Default Web Site', '/physicalPath:x']).code, 50);
  assert.equal(t.run(['set', 'vdir', 'Default Web Site/nope', '/physicalPath:x']).code, 50);
  assert.equal(t.run(['set', 'vdir', 'nosuch/nope', '/physicalPath:x']).code, 1168);
  t.run(['delete', 'vdir', 'Default Web Site/docs']);
  t.run(['delete', 'vdir', 'Default Web Site/app1/images']);
  t.run(['delete', 'app', 'Default Web Site/app2']);
  t.run(['delete', 'app', 'Default Web Site/app1']);
  t.run(['list', 'app']);
  assertGolden('objects/app-vdir.txt', t.text());
});

test('APPPOOL: list, add, set, delete, start, stop; recycle is refused offline (golden)', () => {
  const t = new Transcript(tempCopy(fixture));
  assert.equal(t.run(['list', 'apppool']).stdout.split('\n')[0], 'APPPOOL "DefaultAppPool" (MgdVersion:v4.0,MgdMode:Integrated,state:Unknown)');
  t.run(['list', 'apppools', '/managedRuntimeVersion:']);
  t.run(['list', 'apppool', '/name:$=Default*']);
  const add = t.run(['add', 'apppool', '/name:MyAppPool', '/managedRuntimeVersion:v2.0', '/processModel.identityType:NetworkService', '/enable32BitAppOnWin64:true']);
  assert.equal(add.stdout, 'APPPOOL object "MyAppPool" added\n');
  assert.equal(t.run(['add', 'apppool', '/name:MyAppPool']).code, 183);
  assert.equal(t.run(['add', 'apppool', '/name:MyAppPool', '/managedRuntimeVersion:v2.0', '--if-not-exists']).code, 0);
  assert.equal(t.run(['add', 'apppool', '/name:MyAppPool', '/managedRuntimeVersion:v4.0', '--if-not-exists']).code, 183);
  assert.equal(t.run(['add', 'apppool', '/name:Bad', '/managedPipelineMode:Sometimes']).code, 13);
  assert.equal(t.run(['add', 'apppool', '/name:Bad', '/queueLength:5']).code, 13);
  t.run(['set', 'apppool', 'MyAppPool', '/managedPipelineMode:Classic', "/+recycling.periodicRestart.schedule.[value='03:00:00']"]);
  t.run(['set', 'apppool', '/apppool.name:MyAppPool', '/processModel.pingingEnabled:false']);
  assert.equal(t.run(['set', 'apppool', 'nosuch', '/autoStart:false']).code, 1168);
  assert.equal(t.run(['set', 'apppool', 'MyAppPool', '/name:DefaultAppPool']).code, 183);
  t.run(['stop', 'apppool', 'MyAppPool']);
  t.run(['start', 'apppool', 'MyAppPool']);
  assert.equal(t.run(['recycle', 'apppool', 'MyAppPool']).code, 50);
  t.run(['list', 'apppool', 'MyAppPool']);
  t.run(['delete', 'apppool', 'MyAppPool']);
  assert.equal(t.run(['delete', 'apppool', 'MyAppPool']).code, 1168);
  assertGolden('objects/apppool.txt', t.text());
});

test('a refused password is not echoed in the error: the parameter is shown with its value masked', () => {
  const file = tempCopy(fixture);
  for (const args of [
    ['set', 'vdir', 'ftp.example.com/', '/password:hunter2'],
    ['add', 'vdir', '/app.name:ftp.example.com/', '/path:/x', '/password:hunter2'],
    ['set', 'apppool', 'FtpPool', '/processModel.password:hunter2'],
    ['set', 'config', '-section:sites', "/[name='ftp.example.com'].[path='/'].[path='/'].password:hunter2"],
  ]) {
    const t = new Transcript(file);
    const r = t.run(args);
    assert.equal(r.code, 50, r.stderr);
    assert.doesNotMatch(r.stderr + r.stdout, /hunter2/, args.join(' '));
    assert.match(r.stderr, /in parameter: .*password:\*{8}$/m);
  }
});
