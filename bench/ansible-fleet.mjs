#!/usr/bin/env node
// A fleet through Ansible (issue 17): N hosts (local connection, one applicationHost.config each)
// get FTPS (FTP SSL Settings with the host's own thumbprint, and an implicit-FTPS binding), once
// with the collection's modules and once with shell tasks calling the CLI the way people write
// them today (command + changed_when on its --json). Each way runs twice on fresh copies: the
// first run changes every host, the second must change none. The files both ways leave must be
// identical. Not part of CI (minutes of work); needs `bash scripts/setup-ansible.sh` and a build.
//
//   node bench/ansible-fleet.mjs [--hosts 200] [--forks 8] [--no-write]
//
// Prints a markdown table and writes it to bench/results/ansible-fleet.md (unless --no-write).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchOptions } from './lib/options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const options = benchOptions();
const opt = options.value;
const hosts = Number(opt('hosts', '200'));
const forks = Number(opt('forks', '8'));
const write = !options.has('no-write');
const playbookBin = join(root, '.venv-ansible', 'bin', 'ansible-playbook');
if (!existsSync(playbookBin)) {
  console.error('no .venv-ansible: run `bash scripts/setup-ansible.sh` first');
  process.exit(2);
}

const tool = [process.execPath, join(root, 'bin', 'appcmd.js')];
const SITE = 'ftp.example.com';
const BINDING = `/+[name='${SITE}'].bindings.[protocol='ftp',bindingInformation='*:990:']`;
const names = Array.from({ length: hosts }, (_, i) => `ftp${String(i + 1).padStart(3, '0')}`);
const thumbprint = (host) => createHash('sha1').update(host).digest('hex').toUpperCase();

const common = { hosts: 'all', gather_facts: false };
const modulesPlay = [
  {
    ...common,
    tasks: [
      { name: 'FTP SSL Settings', 'appcmd.iis_config.appcmd_ftp_ssl': { appcmd: tool, config_file: '{{ cfg }}', site: SITE, certificate: '{{ thumbprint }}', store: 'My', policy: 'Require', ssl128: true } },
      { name: 'implicit FTPS binding', 'appcmd.iis_config.appcmd_config': { appcmd: tool, config_file: '{{ cfg }}', section: 'system.applicationHost/sites', collection: `[name='${SITE}'].bindings`, add: [{ protocol: 'ftp', bindingInformation: '*:990:' }] } },
    ],
  },
];
const shellPlay = [
  {
    ...common,
    tasks: [
      {
        name: 'FTP SSL Settings',
        'ansible.builtin.command': { argv: [...tool, 'set', 'ftpssl', SITE, '/policy:Require', '/ssl128:true', '/cert:{{ thumbprint }}', '/store:My', '/apphostconfig:{{ cfg }}', '--json'] },
        register: 'r',
        changed_when: '(r.stdout | from_json).changed',
      },
      {
        name: 'implicit FTPS binding',
        'ansible.builtin.command': { argv: [...tool, 'set', 'config', '-section:system.applicationHost/sites', BINDING, '--if-not-exists', '/apphostconfig:{{ cfg }}', '--json'] },
        register: 'r',
        changed_when: '(r.stdout | from_json).changed',
      },
    ],
  },
];

function fleet(dir) {
  const inventory = { all: { vars: { ansible_connection: 'local', ansible_python_interpreter: '{{ ansible_playbook_python }}' }, hosts: {} } };
  for (const h of names) {
    mkdirSync(join(dir, h), { recursive: true });
    const cfg = join(dir, h, 'applicationHost.config');
    copyFileSync(join(root, 'fixtures', 'applicationHost.config'), cfg);
    inventory.all.hosts[h] = { cfg, thumbprint: thumbprint(h) };
  }
  writeFileSync(join(dir, 'inventory.yml'), JSON.stringify(inventory));
}

function playbook(dir, name, plays) {
  const file = join(dir, `${name}.yml`);
  writeFileSync(file, JSON.stringify(plays));
  const env = {
    ...process.env,
    ANSIBLE_COLLECTIONS_PATH: join(root, 'ansible'),
    ANSIBLE_HOME: join(dir, '.ansible'),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORKS: String(forks),
    ANSIBLE_PIPELINING: 'true',
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ANSIBLE_RETRY_FILES_ENABLED: 'false',
  };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(playbookBin, ['-i', join(dir, 'inventory.yml'), file], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
    throw new Error(`${name} failed (exit ${r.status})`);
  }
  // The PLAY RECAP: one `host : ok=2 changed=2 ...` line a host.
  const changed = [...r.stdout.matchAll(/^\S+\s+: ok=\d+\s+changed=(\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  return { seconds, changed };
}

const rows = [];
const finals = {};
const load = loadavg()[0].toFixed(2);
for (const [label, plays] of [
  ['collection modules', modulesPlay],
  ['shell tasks calling the CLI (command + changed_when)', shellPlay],
]) {
  const dir = mkdtempSync(join(tmpdir(), 'appcmd-fleet-bench-'));
  try {
    fleet(dir);
    const first = playbook(dir, 'first', plays);
    const second = playbook(dir, 'second', plays);
    if (first.changed !== 2 * hosts || second.changed !== 0) throw new Error(`${label}: changed ${first.changed} then ${second.changed}, expected ${2 * hosts} then 0`);
    finals[label] = names.map((h) => readFileSync(join(dir, h, 'applicationHost.config'), 'utf8'));
    rows.push({ label, first, second });
    console.error(`${label}: ${first.seconds.toFixed(1)} s, then ${second.seconds.toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const [a, b] = Object.values(finals);
if (a.some((text, i) => text !== b[i])) throw new Error('the two ways left different files');

const table = [
  `${hosts} hosts (local connection, one file each), 2 tasks a host, forks ${forks}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${load} at start; node ${process.version}`,
  '',
  '| way | first run (changes every host) | second run (changed=0) | per host and task, first run |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.label} | ${r.first.seconds.toFixed(1)} s | ${r.second.seconds.toFixed(1)} s | ${((r.first.seconds * 1000) / (2 * hosts)).toFixed(0)} ms |`),
  '',
].join('\n');
console.log(table);
if (write) {
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'ansible-fleet.md'), table);
}
