import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tempCopy } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { corpusFile } from '../helpers/paths.js';
import { Transcript } from './transcript.js';

test('MODULE: list, install, uninstall, add, delete at the server and at a path; duplicates (183), missing (1168), bad input (golden)', () => {
  const file = tempCopy(corpusFile('10'));
  const t = new Transcript(file);
  t.note('list');
  const list = t.run(['list', 'module']);
  assert.equal(list.stdout.split('\n')[0], 'MODULE "HttpCacheModule" ( native:true, image:%windir%\\System32\\inetsrv\\cachhttp.dll )');
  t.run(['list', 'module', 'DefaultDocumentModule', '/xml']);
  t.run(['list', 'module', 'DefaultDocumentModule', '/text:image']);
  assert.equal(t.run(['list', 'module', 'NoSuchModule']).code, 1168);

  t.note('install and uninstall');
  assert.equal(t.run(['install', 'module', '/name:MyNative', '/image:%windir%\\System32\\inetsrv\\mynative.dll', '/preCondition:bitness64']).stdout, 'MODULE object "MyNative" added\n');
  t.run(['list', 'module', 'MyNative']);
  assert.equal(t.run(['install', 'module', '/name:MyNative', '/image:other.dll']).code, 183);
  assert.equal(t.run(['install', 'module', '/name:MyNative', '/image:%windir%\\System32\\inetsrv\\mynative.dll', '/preCondition:bitness64', '--if-not-exists']).code, 0);
  t.run(['install', 'module', '/name:GlobalOnly', '/image:only.dll', '/add:false']);
  assert.equal(t.run(['list', 'module', 'GlobalOnly']).code, 1168);
  assert.equal(t.run(['install', 'module', '/name:NoImage']).code, 87);
  assert.equal(t.run(['install', 'module', '/name:X', '/image:x.dll', '/add:maybe']).code, 13);
  assert.equal(t.run(['install', 'module', '/name:X', '/image:x.dll', '/lock:true', '/add:false']).code, 87);
  assert.equal(t.run(['install', 'module', '/name:X', '/image:x.dll', '/bogus:1']).code, 87);

  t.note('add and delete');
  t.run(['add', 'module', '/name:FormsAuth', '/type:System.Web.Security.FormsAuthenticationModule', '/preCondition:managedHandler', '/app.name:Default Web Site/']);
  t.run(['list', 'module', 'FormsAuth', '/app.name:Default Web Site']);
  const dup = t.run(['add', 'module', '/name:FormsAuth', '/type:Other', '/app.name:Default Web Site/']);
  assert.equal(dup.code, 183);
  assert.match(dup.stderr, /Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to 'FormsAuth'/);
  assert.equal(t.run(['add', 'module', '/name:FormsAuth', '/type:System.Web.Security.FormsAuthenticationModule', '/app.name:Default Web Site/', '--if-not-exists']).code, 0);
  t.run(['add', 'module', '/name:GlobalOnly']);
  assert.equal(t.run(['add', 'module', '/name:NotInstalled']).code, 87);
  assert.equal(t.run(['add', 'module', '/name:X', '/type:T', '/app.name:No Such Site/']).code !== 0, true);
  t.note('set');
  assert.equal(t.run(['set', 'module', 'FormsAuth', '/preCondition:managedHandler,runtimeVersionv4.0', '/app.name:Default Web Site/']).stdout, 'MODULE object "FormsAuth" changed\n');
  t.run(['list', 'module', 'FormsAuth', '/app.name:Default Web Site']);
  assert.equal(t.run(['set', 'module', '/name:FormsAuth', '/type:Other.FormsModule', '/app.name:Default Web Site/']).code, 0);
  t.run(['list', 'module', 'FormsAuth', '/app.name:Default Web Site']);
  assert.equal(t.run(['set', 'module', 'FormsAuth', '/type:Other.FormsModule', '/app.name:Default Web Site/']).stdout, 'MODULE object "FormsAuth" unchanged\n');
  assert.equal(t.run(['set', 'module', 'DefaultDocumentModule', '/preCondition:bitness64']).code, 0);
  const inherited = t.run(['set', 'module', 'DefaultDocumentModule', '/preCondition:bitness32', '/app.name:Default Web Site/']);
  assert.equal(inherited.code, 50);
  assert.equal(t.run(['set', 'module', 'NoSuchModule', '/preCondition:bitness64']).code, 1168);
  assert.equal(t.run(['set', 'module', 'NoSuchModule', '/preCondition:bitness64', '--if-exists']).code, 0);
  assert.equal(t.run(['set', 'module', 'FormsAuth', '/app.name:Default Web Site/']).code, 87);
  assert.equal(t.run(['set', 'module', 'FormsAuth', '/image:x.dll', '/app.name:Default Web Site/']).code, 87);
  assert.equal(t.run(['set', 'module', '/preCondition:bitness64']).code, 87);
  t.run(['set', 'module', '/?']);
  t.run(['delete', 'module', 'DefaultDocumentModule', '/app.name:Default Web Site/']);
  t.run(['delete', 'module', 'FormsAuth', '/app.name:Default Web Site/']);
  assert.equal(t.run(['delete', 'module', 'FormsAuth', '/app.name:Default Web Site/']).code, 1168);
  assert.equal(t.run(['delete', 'module', 'FormsAuth', '/app.name:Default Web Site/', '--if-exists']).code, 0);
  t.run(['uninstall', 'module', 'MyNative']);
  t.run(['uninstall', 'module', 'GlobalOnly']);
  assert.equal(t.run(['uninstall', 'module', 'MyNative']).code, 1168);
  assert.equal(t.run(['uninstall', 'module', 'MyNative', '--if-exists']).code, 0);
  t.run(['module', '/?']);
  t.run(['install', 'module', '/?']);
  assertGolden('objects/module.txt', t.text());

  // What was installed and then uninstalled leaves the server level as it was.
  const after = readFileSync(file, 'utf8');
  assert.doesNotMatch(after, /MyNative|GlobalOnly/);
});

test('MODULE: a failed install writes nothing', () => {
  const file = tempCopy(corpusFile('02'));
  const before = readFileSync(file, 'utf8');
  const t = new Transcript(file);
  assert.equal(t.run(['install', 'module', '/name:DefaultDocumentModule', '/image:defdoc.dll']).code, 183);
  assert.equal(t.run(['uninstall', 'module', 'NoSuchModule']).code, 1168);
  assert.equal(readFileSync(file, 'utf8'), before);
});
