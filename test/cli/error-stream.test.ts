/**
 * /errors:stdout and APPCMD_ERRORS=stdout: appcmd's ERROR text on stdout, exactly, for scripts
 * written against appcmd.exe; our extra lines on stderr. The default stays stderr.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { appcmd } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const config = `/apphostconfig:${join(fixturesDir, 'applicationHost.config')}`;

test('the default: errors on stderr, stdout empty', () => {
  const r = appcmd(['set', 'site', 'nosuch', '/serverAutoStart:false', config]);
  assert.equal(r.code, 1168);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^ERROR \( message:Cannot find SITE object with identifier "nosuch"\. \)\n/);
});

test('/errors:stdout and APPCMD_ERRORS=stdout print appcmd\'s text on stdout, the hints on stderr', () => {
  const bySwitch = appcmd(['set', 'config', '-section:sites', "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:Foo", '/errors:stdout', config]);
  assert.equal(bySwitch.code, 13);
  assert.equal(bySwitch.stdout, 'ERROR ( message:Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly )\n');
  assert.match(bySwitch.stderr, /^ {2}in parameter: \/\[name='ftp\.example\.com'\]/);
  const byEnv = appcmd(['list', 'foo'], { APPCMD_ERRORS: 'stdout' });
  assert.equal(byEnv.code, 87);
  // appcmd prints its usage errors without the ERROR ( ) wrapper.
  assert.equal(byEnv.stdout, "Object 'FOO' is not supported.  Run 'appcmd.exe /?' to display supported objects.\n");
  assert.equal(byEnv.stderr, '');
  // The switch wins over the environment, either way.
  const back = appcmd(['list', 'foo', '/errors:stderr'], { APPCMD_ERRORS: 'stdout' });
  assert.equal(back.stdout, '');
  assert.match(back.stderr, /^Object 'FOO'/);
  const verb = appcmd(['frob', 'site', '/errors:stdout']);
  assert.equal(verb.code, 87);
  assert.equal(verb.stdout, "Command 'FROB' is not supported on object 'SITE'. Run 'appcmd.exe SITE /?'\nto display supported commands.\n");
  assert.equal(verb.stderr, '  Supported: list, add, set, delete, start, stop.\n');
});

test('also for errors of parsing and of the file: the unwrapped prefix text and the Configuration error block', () => {
  const prefix = appcmd(['set', 'config', 'Default Web Site', 'stray', '-section:sites', '/errors:stdout', config]);
  assert.equal(prefix.code, 87);
  assert.match(prefix.stdout, /^Failed to process input: The parameter 'stray' must begin with a \/ or - \(HRESULT=80070057\)\.\n$/);
  const missing = appcmd(['list', 'site', '/errors:stdout', '/apphostconfig:/nonexistent/applicationHost.config']);
  assert.equal(missing.code, 2);
  assert.match(missing.stdout, /^ERROR \( message:Cannot read configuration file/);
});

test('a bad /errors: value is refused', () => {
  const r = appcmd(['list', 'site', '/errors:printer', config]);
  assert.equal(r.code, 87);
  assert.match(r.stderr, /\/errors: takes stdout or stderr, not "printer"/);
});
