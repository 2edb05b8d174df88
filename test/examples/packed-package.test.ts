/**
 * SLOW (~5 s, runs npm and tsc): the package as users get it. `npm pack` must hold only what a
 * user needs; the tarball, installed offline into a temporary project, must import by name,
 * type-check a consumer under strict settings (its .d.ts files included), and run an example.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appcmd, tempCopy } from '../helpers/cli.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const fixture = join(fixturesDir, 'applicationHost.config');

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  // npm is npm.cmd on Windows, which only a shell can start.
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' && command === 'npm', timeout: 120_000 });
  if (r.error !== undefined) throw r.error;
  return r;
}

/** What a user needs: the launcher, the compiled library and its declarations, the bundled CLI, the schema, the docs. */
const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE(\.md)?$/,
  /^bin\/appcmd\.js$/,
  /^bin\/package\.json$/,
  /^dist\/appcmd\.cjs$/,
  /^dist\/appcmd-bundle\.js$/,
  /^dist\/schema-cache\.json$/,
  /^dist\/policy-cache\.json$/,
  /^dist\/src\/.+\.(js|d\.ts)$/,
  /^schema\/.+\.xml$/,
  /^docs\/.+\.md$/,
];

const CONSUMER = `
import { AppcmdError, ServerManager, getSites, unifiedDiff, type ConfigValue, type ControlChannelPolicy } from 'appcmd-xplat';

const manager = ServerManager.open(process.argv[2] ?? 'applicationHost.config');
const site = getSites(manager).get('ftp.example.com');
const policy: ControlChannelPolicy | undefined = site?.ftpServer.security.ssl.controlChannelPolicy;
const value: ConfigValue | undefined = manager.getApplicationHostConfiguration().getSection('sites').getCollection().at(0)?.getAttributeValue('name');
const id: number | undefined = site?.id;
try {
  console.log(policy, value, id, unifiedDiff(manager.commitChanges({ dryRun: true })));
} catch (e) {
  if (e instanceof AppcmdError) console.error(e.code, e.win32, e.file, e.line, e.hints.join('; '));
}
`;

/** Must not compile: proves the declarations carry real types, not any. */
const MISTYPED = `
import { ServerManager, getSites } from 'appcmd-xplat';
const ssl = getSites(ServerManager.open('x')).get('y')?.ftpServer.security.ssl;
if (ssl !== undefined) ssl.controlChannelPolicy = 'SslDeny';
`;

test('SLOW packed package: npm pack ships only what a user needs; installed by name, it type-checks and runs the C# sample', () => {
  const work = tempDir('appcmd-pack-');
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  const files = info.files.map((f) => f.path).sort();
  const unexpected = files.filter((f) => !SHIPPED.some((re) => re.test(f)));
  assert.deepEqual(unexpected, [], 'files a user does not need');
  for (const needed of ['bin/appcmd.js', 'dist/appcmd.cjs', 'dist/appcmd-bundle.js', 'dist/schema-cache.json', 'dist/policy-cache.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'schema/appcmd_sites.xml', 'schema/appcmd_ftp.xml', 'docs/api.md']) {
    assert.ok(files.includes(needed), `${needed} is missing from the package`);
  }
  assert.ok(!files.some((f) => f.startsWith('dist/test/') || f.startsWith('dist/examples/') || f.endsWith('.ts') && !f.endsWith('.d.ts')));

  // A project of the user's: install the tarball (no runtime dependencies, so offline works).
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', join(work, 'cache'), join(work, info.filename)], project);
  assert.equal(install.status, 0, install.stderr);

  // The C# sample, compiled with the project, imports 'appcmd-xplat' by name: here it finds the installed package.
  copyFileSync(join(repoRoot, 'dist', 'examples', 'ftp-ssl-csharp.js'), join(project, 'sample.js'));
  const bySample = join(project, 'applicationHost.config');
  copyFileSync(fixture, bySample);
  const sample = run(process.execPath, ['sample.js', bySample], project);
  assert.equal(sample.status, 0, sample.stderr);
  const byAppcmd = tempCopy(fixture);
  for (const attribute of ['controlChannelPolicy', 'dataChannelPolicy']) {
    const r = appcmd(['set', 'config', '-section:system.applicationHost/sites', `/[name='Default Web Site'].ftpServer.security.ssl.${attribute}:SslRequire`, '/commit:apphost', `/apphostconfig:${byAppcmd}`]);
    assert.equal(r.code, 0, r.stderr);
  }
  assert.equal(readFileSync(bySample, 'utf8'), readFileSync(byAppcmd, 'utf8'));

  // The installed CLI runs too.
  const cli = run(process.execPath, [join(project, 'node_modules', 'appcmd-xplat', 'bin', 'appcmd.js'), 'list', 'config', '-section:sites', `/apphostconfig:${bySample}`], project);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /controlChannelPolicy="SslRequire"/);

  // The declarations: a strict consumer compiles (declaration files checked too), a mistyped one does not.
  writeFileSync(join(project, 'consumer.ts'), CONSUMER);
  writeFileSync(join(project, 'mistyped.ts'), MISTYPED);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(repoRoot, 'node_modules', '@types')],
      },
      files: ['consumer.ts', 'mistyped.ts'],
    }),
  );
  const tsc = run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
  const errors = tsc.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
  assert.equal(errors.length, 1, tsc.stdout);
  assert.match(errors[0] ?? '', /^mistyped\.ts\(4,\d+\): error TS2322: Type '"SslDeny"' is not assignable to type /);
});
