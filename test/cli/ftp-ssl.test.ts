import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CommandContext } from '../../src/cli/commands/context.js';
import { listFtpSsl, setFtpSsl } from '../../src/cli/commands/ftp-ssl.js';
import { NOW } from '../cert/make-cert.js';
import { certSet, withKey, writeStoreFolder } from '../cert/store-fixture.js';
import { snapshot, tempCopy } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';
import { fixturesDir } from '../helpers/paths.js';
import { runCommand } from './command-runner.js';

const fixture = join(fixturesDir, 'applicationHost.config');
const set = certSet();
const certs = writeStoreFolder({ My: { 'ftp.pem': withKey(set.valid), 'old.pem': withKey(set.expired) }, WebHosting: { 'ec.pem': withKey(set.ecdsa) } });
const setCmd = (ctx: CommandContext): number => setFtpSsl(ctx, NOW);

function setFtp(file: string, ...args: string[]): ReturnType<typeof runCommand> {
  return runCommand(setCmd, ['set', 'ftpssl', ...args, `/apphostconfig:${file}`]);
}

/** The one changed region of the file, as removed and added lines without line endings. */
function changed(file: string): { removed: string[]; added: string[] } {
  const c = lineChange(readFileSync(fixture, 'utf8'), readFileSync(file, 'utf8'));
  return { removed: c.removed.map((l) => l.trim()), added: c.added.map((l) => l.trim()) };
}

function refused(file: string, args: string[], code: number, message: RegExp): void {
  const before = snapshot(file);
  const r = setFtp(file, ...args);
  assert.equal(r.code, code, r.stderr);
  assert.match(r.stderr, message);
  assert.equal(r.stdout, '');
  const after = snapshot(file);
  assert.ok(after.bytes.equals(before.bytes), 'file untouched');
  assert.equal(after.mtimeNs, before.mtimeNs, 'file not rewritten');
}

describe('appcmd set ftpssl', () => {
  it('applies the page in one command: policy, certificate by subject, its store, ssl128', () => {
    const file = tempCopy(fixture);
    const r = setFtp(file, 'ftp.example.com', '/policy:Require', '/cert:CN=ftp.example.com', `/certstore:${certs}`, '/ssl128:true', '/commit:apphost');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'FTPSSL object "ftp.example.com" changed',
        '  controlChannelPolicy: SslAllow -> SslRequire',
        '  dataChannelPolicy: SslAllow -> SslRequire',
        `  serverCertHash: (none) -> ${set.valid.thumbprint}`,
        '  serverCertStoreName: WebHosting (from siteDefaults) -> My',
        '  ssl128: false -> true',
        '',
      ].join('\n'),
    );
    assert.match(r.stderr, /^Certificate: .* in store "My", by subject "CN=ftp.example.com": the valid certificate that expires last/);
    assert.deepEqual(changed(file), {
      removed: ['<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" />'],
      added: [`<ssl controlChannelPolicy="SslRequire" dataChannelPolicy="SslRequire" serverCertHash="${set.valid.thumbprint}" serverCertStoreName="My" ssl128="true" />`],
    });
  });

  it('writes the store the certificate is in (no WebHosting-versus-MY mistake)', () => {
    const file = tempCopy(fixture);
    assert.equal(setFtp(file, 'ftp.intranet', `/cert:${set.ecdsa.thumbprint.toLowerCase()}`, `/certstore:${certs}`).code, 0);
    assert.match(readFileSync(file, 'utf8'), new RegExp(`<ssl serverCertHash="${set.ecdsa.thumbprint}" serverCertStoreName="WebHosting" />`));
  });

  it('is idempotent: the same command again changes nothing and does not rewrite the file', () => {
    const file = tempCopy(fixture);
    const args = ['ftp.example.com', '/policy:Custom', '/control:CredentialsOnly', '/data:Require'];
    assert.equal(setFtp(file, ...args).code, 13, 'SSL required without a certificate is refused');
    assert.equal(setFtp(file, ...args, `/cert:${set.valid.thumbprint}`, `/certstore:${certs}`).code, 0);
    const before = snapshot(file);
    const again = setFtp(file, ...args, `/cert:${set.valid.thumbprint}`, `/certstore:${certs}`);
    assert.equal(again.stdout, 'FTPSSL object "ftp.example.com" unchanged\n');
    assert.equal(snapshot(file).mtimeNs, before.mtimeNs);
  });

  it('refuses an unusable certificate, and writes it with /force and a warning', () => {
    const file = tempCopy(fixture);
    refused(file, ['ftp.example.com', `/cert:${set.expired.thumbprint}`, `/certstore:${certs}`], 13, /expired on .*\n.*Nothing was written\. Add \/force/);
    const r = setFtp(file, 'ftp.example.com', `/cert:${set.expired.thumbprint}`, `/certstore:${certs}`, '/force');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /Warning \(forced\): The certificate .* expired on/);
  });

  it('says where the certificate is when /store: names another store', () => {
    refused(tempCopy(fixture), ['ftp.example.com', `/cert:${set.ecdsa.thumbprint}`, '/store:My', `/certstore:${certs}`], 1168, /Cannot find a certificate with thumbprint .* in store "My".*\n.*Found in store "WebHosting"/);
  });

  it('checks the current certificate against a new store (/store: alone)', () => {
    const file = tempCopy(fixture);
    assert.equal(setFtp(file, 'ftp.example.com', `/cert:${set.valid.thumbprint}`, `/certstore:${certs}`).code, 0);
    refused(file, ['ftp.example.com', '/store:WebHosting', `/certstore:${certs}`], 1168, /not in store "WebHosting" but in store "My"/);
  });

  it('refuses a policy that requires SSL without a certificate, unless forced', () => {
    const file = tempCopy(fixture);
    refused(file, ['ftp.example.com', '/policy:Require'], 13, /requires SSL .* but no certificate is selected/);
    assert.equal(setFtp(file, 'ftp.example.com', '/policy:Require', '/force').code, 0);
  });

  it('validates the words before writing anything', () => {
    const file = tempCopy(fixture);
    refused(file, ['ftp.example.com', '/policy:Custom', '/control:Maybe'], 13, /Invalid \/control value "Maybe"\. Enum must be one of Allow, Require, CredentialsOnly/);
    refused(file, ['ftp.example.com', '/policy:Allow', '/data:Deny'], 87, /\/policy:Allow sets both channels/);
    refused(file, ['ftp.example.com', '/ssl128:maybe'], 13, /use true or false/);
    refused(file, ['ftp.example.com', '/cert:CN=ftp.example.com'], 87, /needs the certificate folder/);
    refused(file, ['ftp.example.com', '/cert:12345'], 13, /not a SHA-1 thumbprint/);
    refused(file, ['ftp.example.com'], 87, /Nothing to set/);
    refused(file, ['ftp.example.com', '/colour:red'], 87, /Unknown parameter "\/colour:red" for set ftpssl/);
    refused(file, ['no.such.site', '/ssl128:true'], 1168, /Cannot find SITE object with identifier "no.such.site"/);
    refused(file, ['ftp.example.com', '/siteDefaults', '/ssl128:true'], 87, /either a site name/);
    refused(file, ['/ssl128:true'], 87, /needs a site name, or \/siteDefaults/);
  });

  it('sets siteDefaults, with the data channel only (Custom implied)', () => {
    const file = tempCopy(fixture);
    const r = setFtp(file, '/siteDefaults', '/data:Deny', '/control:Allow');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(changed(file), {
      removed: ['<ssl serverCertStoreName="WebHosting" />'],
      added: ['<ssl serverCertStoreName="WebHosting" controlChannelPolicy="SslAllow" dataChannelPolicy="SslDeny" />'],
    });
  });

  it('takes a pasted thumbprint without a folder, notes what was cleaned and keeps the store', () => {
    const file = tempCopy(fixture);
    const pasted = `\u200e${set.valid.thumbprint.toLowerCase().match(/../g)?.join(' ') ?? ''}`;
    const r = setFtp(file, 'ftp.example.com', `/cert:${pasted}`);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Note: removed from \/cert: U\+200E LEFT-TO-RIGHT MARK, 19 × space\./);
    assert.match(readFileSync(file, 'utf8'), new RegExp(`serverCertHash="${set.valid.thumbprint}" serverCertStoreName="WebHosting"`));
  });

  it('clears the certificate with /cert:none', () => {
    const file = tempCopy(fixture);
    assert.equal(setFtp(file, 'ftp.example.com', `/cert:${set.valid.thumbprint}`).code, 0);
    const r = setFtp(file, 'ftp.example.com', '/cert:none');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`serverCertHash: ${set.valid.thumbprint} -> \\(none\\)`));
    assert.doesNotMatch(readFileSync(file, 'utf8'), /serverCertHash=/);
  });

  it('clears a certificate inherited from siteDefaults by writing an empty hash on the site', () => {
    const file = tempCopy(fixture);
    assert.equal(setFtp(file, '/siteDefaults', `/cert:${set.valid.thumbprint}`).code, 0);
    const r = setFtp(file, 'ftp.intranet', '/cert:none', '/policy:Allow');
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(file, 'utf8'), /<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" serverCertHash="" \/>/);
  });

  it('prints what would change with --dry-run and --json, writing nothing', () => {
    const file = tempCopy(fixture);
    const before = snapshot(file);
    const r = setFtp(file, 'ftp.example.com', '/ssl128:true', '--dry-run', '--json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { diff: string };
    assert.deepEqual(json, {
      object: 'FTPSSL',
      name: 'ftp.example.com',
      file,
      changed: true,
      written: false,
      changes: [{ attribute: 'ssl128', before: 'false', inherited: false, after: 'true' }],
      diff: json.diff,
    });
    assert.match(json.diff, /^\+ +<ssl controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" ssl128="true" \/>\r$/m);
    assert.match(r.stderr, /Dry run: nothing was written/);
    assert.ok(snapshot(file).bytes.equals(before.bytes));
  });
});

describe('appcmd list ftpssl', () => {
  it('lists the effective settings of every FTP site as the page shows them', () => {
    const r = runCommand(listFtpSsl, ['list', 'ftpssl', `/apphostconfig:${fixture}`]);
    assert.equal(
      r.stdout,
      [
        'FTPSSL "ftp.example.com" (policy:Allow,control:SslAllow,data:SslAllow,cert:(none),store:WebHosting,ssl128:false)',
        'FTPSSL "ftp.intranet" (policy:Require,control:SslRequire,data:SslRequire,cert:(none),store:WebHosting,ssl128:false)',
        '',
      ].join('\n'),
    );
  });

  it('shows where each value comes from with /text:*, and siteDefaults on request', () => {
    const r = runCommand(listFtpSsl, ['list', 'ftpssl', 'ftp.intranet', '/text:*', `/apphostconfig:${fixture}`]);
    assert.match(r.stdout, /^FTPSSL "ftp.intranet"\n {2}policy: Require\n {2}controlChannelPolicy: SslRequire \(default\)\n/);
    assert.match(r.stdout, /serverCertStoreName: WebHosting \(from siteDefaults\)/);
    const d = JSON.parse(runCommand(listFtpSsl, ['list', 'ftpssl', '/siteDefaults', '--json', `/apphostconfig:${fixture}`]).stdout) as { name: string; settings: Record<string, { source: string }> }[];
    assert.equal(d[0]?.name, 'siteDefaults');
    assert.equal(d[0]?.settings['serverCertStoreName']?.source, 'explicit');
  });
});
