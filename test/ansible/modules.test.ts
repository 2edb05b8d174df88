import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tempCopy } from '../helpers/cli.js';
import { corpusFile } from '../helpers/paths.js';
import { appcmdTool, fileRead, readFileTask, resultOf, runPlaybook, type PlaybookRun, type TaskResult } from './ansible-run.js';

/**
 * Every module of the collection, through the real ansible-playbook, on its own copy of corpus
 * file 04 (CRLF, an FTP site with an <ssl> element): check mode, a first run, a second run, a bad
 * value, and for sites and pools the way back. One playbook, one host per module (all local, each
 * including its own task file), the `free` strategy, so the modules run side by side and Ansible
 * starts once.
 */

const CORPUS = corpusFile('04');
const original = readFileSync(CORPUS);
const SSL_LINE =
  '                        <ssl serverCertHash="9C6E626342DEED75BF5FBEA611AF21305FBF965C" serverCertStoreName="WebHosting" ssl128="false" controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" />\r\n';
const BINDING_21 = '                    <binding protocol="ftp" bindingInformation="*:21:" />\r\n';
const SITE_DEFAULTS = '            <siteDefaults>\r\n';
const POOL_DEFAULTS_AT = '            <applicationPoolDefaults';

interface Scenario {
  readonly module: string;
  /** The arguments of the check, first and second runs. */
  readonly args: Readonly<Record<string, unknown>>;
  /** Arguments IIS rejects, and the message it rejects them with. */
  readonly bad: Readonly<Record<string, unknown>>;
  readonly badMessage: RegExp;
  readonly badCode: number;
  /** The file after the first run, from the original text. */
  readonly expected: (before: string) => string;
  /** Arguments that undo the first run (state: absent), when the module has them. */
  readonly undo?: Readonly<Record<string, unknown>>;
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from.trim()}" is in the corpus file exactly once`);
  return text.replace(from, () => to);
}

function insertBefore(text: string, anchor: string, lines: readonly string[]): string {
  return replaceOnce(text, anchor, lines.map((l) => `${l}\r\n`).join('') + anchor);
}

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  config: {
    module: 'appcmd_config',
    args: {
      section: 'system.applicationHost/sites',
      properties: {
        "[name='SupernovaFTP'].ftpServer.security.ssl.controlChannelPolicy": 'SslRequire',
        "[name='SupernovaFTP'].ftpServer.security.ssl.ssl128": true,
      },
      collection: "[name='SupernovaFTP'].bindings",
      add: [{ protocol: 'ftp', bindingInformation: '*:990:' }],
    },
    bad: { section: 'sites', properties: { "[name='SupernovaFTP'].ftpServer.security.ssl.controlChannelPolicy": 'SslRequired' } },
    badMessage: /^Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly$/,
    badCode: 13,
    expected: (t) =>
      replaceOnce(
        replaceOnce(t, SSL_LINE, SSL_LINE.replace('ssl128="false" controlChannelPolicy="SslAllow"', 'ssl128="true" controlChannelPolicy="SslRequire"')),
        BINDING_21,
        BINDING_21 + BINDING_21.replace('*:21:', '*:990:'),
      ),
  },
  ftpssl: {
    module: 'appcmd_ftp_ssl',
    args: { site: 'SupernovaFTP', policy: 'Require', ssl128: true, certificate: '9c 6e 62 63 42 de ed 75 bf 5f be a6 11 af 21 30 5f bf 96 5c', store: 'WebHosting' },
    bad: { site: 'SupernovaFTP', control: 'Sometimes' },
    badMessage: /^Invalid \/control value "Sometimes"\. Enum must be one of Allow, Require, CredentialsOnly$/,
    badCode: 13,
    expected: (t) => replaceOnce(t, SSL_LINE, SSL_LINE.replace('ssl128="false" controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow"', 'ssl128="true" controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire"')),
  },
  site: {
    module: 'appcmd_site',
    args: { name: 'ftps.example.com', bindings: ['ftp/*:990:', { protocol: 'ftp', binding_information: '*:21:ftps.example.com' }], physical_path: 'D:\\resources\\ftps', application_pool: 'DefaultAppPool', properties: { serverAutoStart: true } },
    bad: { name: 'ftps.example.com', properties: { serverAutoStart: 'maybe' } },
    badMessage: /^Not a valid boolean value$/,
    badCode: 13,
    expected: (t) =>
      insertBefore(t, SITE_DEFAULTS, [
        '            <site name="ftps.example.com" id="3" serverAutoStart="true">',
        '                <application path="/" applicationPool="DefaultAppPool">',
        '                    <virtualDirectory path="/" physicalPath="D:\\resources\\ftps" />',
        '                </application>',
        '                <bindings>',
        '                    <binding protocol="ftp" bindingInformation="*:990:" />',
        '                    <binding protocol="ftp" bindingInformation="*:21:ftps.example.com" />',
        '                </bindings>',
        '            </site>',
      ]),
    undo: { name: 'ftps.example.com', state: 'absent' },
  },
  apppool: {
    module: 'appcmd_apppool',
    args: { name: 'FtpsPool', properties: { managedRuntimeVersion: '', autoStart: false, 'processModel.identityType': 'NetworkService' } },
    bad: { name: 'FtpsPool', properties: { managedPipelineMode: 'Classical' } },
    badMessage: /^Enum must be one of Integrated, Classic$/,
    badCode: 13,
    expected: (t) =>
      insertBefore(t, POOL_DEFAULTS_AT, [
        '            <add name="FtpsPool" managedRuntimeVersion="" autoStart="false">',
        '                <processModel identityType="NetworkService" />',
        '            </add>',
      ]),
    undo: { name: 'FtpsPool', state: 'absent' },
  },
};

const files = new Map(Object.keys(SCENARIOS).map((host) => [host, tempCopy(CORPUS)]));
files.set('audit', tempCopy(CORPUS));

function task(name: string, host: string, module: string, args: Readonly<Record<string, unknown>>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, [`appcmd.iis_config.${module}`]: { appcmd: appcmdTool, config_file: files.get(host), ...args }, ...extra };
}

/** Each host's steps, each followed by a read of its file; a host includes only its own file. */
function hostTasks(host: string, s: Scenario): Record<string, unknown>[] {
  const steps: [string, Record<string, unknown> | undefined][] = [
    ['check', task(`check ${host}`, host, s.module, s.args, { check_mode: true, diff: true })],
    ['first', task(`first ${host}`, host, s.module, s.args, { diff: true })],
    ['second', task(`second ${host}`, host, s.module, s.args, { diff: true })],
    ['bad', task(`bad ${host}`, host, s.module, s.bad, { ignore_errors: true })],
    ['undo', s.undo === undefined ? undefined : task(`undo ${host}`, host, s.module, s.undo, { diff: true })],
    ['undo again', s.undo === undefined ? undefined : task(`undo again ${host}`, host, s.module, s.undo)],
  ];
  return steps.flatMap(([name, t]) => (t === undefined ? [] : [t, readFileTask(`read after ${name}`)]));
}

const AUDIT = 'appcmd_ftp_ssl_audit';
const taskFiles: Record<string, unknown> = Object.fromEntries(Object.entries(SCENARIOS).map(([host, s]) => [`${host}.yml`, hostTasks(host, s)]));
taskFiles['audit.yml'] = [
  task('audit in check mode', 'audit', AUDIT, {}, { check_mode: true }),
  task('audit', 'audit', AUDIT, {}),
  task('audit failing on high', 'audit', AUDIT, { fail_on: 'high' }, { ignore_errors: true }),
  task('audit of a missing site', 'audit', AUDIT, { site: 'NoSuchSite' }, { ignore_errors: true }),
  readFileTask('read after bad'),
];
const plays = [{ hosts: 'all', gather_facts: false, strategy: 'free', tasks: [{ 'ansible.builtin.include_tasks': '{{ inventory_hostname }}.yml' }] }];
const inventory = {
  all: { hosts: Object.fromEntries([...files].map(([host, cfg]) => [host, { ansible_connection: 'local', ansible_python_interpreter: '{{ ansible_playbook_python }}', cfg }])) },
};

// Started at once, so that ansible-doc and the fleet example (other test files) run beside it.
const running: Promise<PlaybookRun> = runPlaybook(plays, inventory, taskFiles);

function diffOf(r: TaskResult): string {
  const diff = r['diff'] as { prepared?: string } | undefined;
  return diff?.prepared ?? '';
}

for (const [host, s] of Object.entries(SCENARIOS)) {
  test(`${s.module}: check mode, first run, second run, bad value, through ansible-playbook`, async () => {
    const run = await running;
    const before = original.toString('latin1');
    const expected = Buffer.from(s.expected(before), 'latin1');

    const check = resultOf(run, `check ${host}`, host);
    assert.equal(check.changed, true, JSON.stringify(check));
    assert.ok(fileRead(run, 'read after check', host).equals(original), 'check mode writes nothing');
    const firstDiff = diffOf(resultOf(run, `first ${host}`, host));
    assert.match(diffOf(check), /^--- .*\n\+\+\+ .*\n@@ /, 'check mode with --diff shows the would-be change');
    assert.equal(diffOf(check), firstDiff, 'check mode shows the diff the real run writes');

    const first = resultOf(run, `first ${host}`, host);
    assert.deepEqual([first.changed, first['written']], [true, true], JSON.stringify(first));
    const afterFirst = fileRead(run, 'read after first', host);
    assert.equal(afterFirst.toString('latin1'), expected.toString('latin1'), 'exactly the expected lines are written');

    const second = resultOf(run, `second ${host}`, host);
    assert.equal(second.changed, false, JSON.stringify(second));
    assert.equal(diffOf(second), '');
    assert.ok(fileRead(run, 'read after second', host).equals(afterFirst), 'a second run leaves the bytes identical');

    const bad = resultOf(run, `bad ${host}`, host);
    assert.equal(bad.failed, true, JSON.stringify(bad));
    assert.match(bad.msg ?? '', s.badMessage);
    assert.deepEqual([bad['rc'], bad['win32']], [s.badCode, s.badCode]);
    assert.ok(fileRead(run, 'read after bad', host).equals(afterFirst), 'a failed task leaves the file unchanged');

    if (s.undo !== undefined) {
      const undo = resultOf(run, `undo ${host}`, host);
      assert.equal(undo.changed, true, JSON.stringify(undo));
      assert.match(diffOf(undo), /^-/m);
      assert.ok(fileRead(run, 'read after undo', host).equals(original), 'state: absent takes out exactly what was added');
      assert.equal(resultOf(run, `undo again ${host}`, host).changed, false);
    }
  });
}

test('appcmd_ftp_ssl_audit: findings as module output, never a change, failing on a severity with IIS-style texts', async () => {
  const run = await running;
  for (const name of ['audit in check mode', 'audit']) {
    const r = resultOf(run, name, 'audit');
    assert.equal(r.changed, false);
    assert.equal(r.failed ?? false, false, JSON.stringify(r));
    assert.deepEqual(r['counts'], { high: 1, medium: 0, low: 1 });
    const findings = r['findings'] as { site: string; severity: string; fix: string }[];
    assert.deepEqual(
      findings.map((f) => [f.site, f.severity, f.fix]),
      [
        ['SupernovaFTP', 'high', 'appcmd set ftpssl "SupernovaFTP" /policy:Require'],
        ['SupernovaFTP', 'low', 'appcmd set ftpssl "SupernovaFTP" /ssl128:true'],
      ],
    );
  }
  const failing = resultOf(run, 'audit failing on high', 'audit');
  assert.equal(failing.failed, true);
  assert.match(failing.msg ?? '', /^FTPS audit: 1 finding\(s\) at or above high: SupernovaFTP: Both channels allow clear text/);
  assert.equal((failing['failed_on'] as unknown[]).length, 1);
  const missing = resultOf(run, 'audit of a missing site', 'audit');
  assert.equal(missing.failed, true);
  assert.equal(missing.msg, 'Cannot find SITE object with identifier "NoSuchSite".');
  assert.deepEqual([missing['rc'], missing['win32']], [144, 1168]);
  assert.ok(fileRead(run, 'read after bad', 'audit').equals(original), 'the audit never writes');
});
