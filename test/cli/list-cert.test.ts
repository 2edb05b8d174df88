import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CommandContext } from '../../src/cli/commands/context.js';
import { listCert } from '../../src/cli/commands/list-cert.js';
import { parseXml } from '../../src/xml/reader.js';
import { NOW } from '../cert/make-cert.js';
import { certSet, withKey, writeStoreFolder } from '../cert/store-fixture.js';
import { runCommand } from './command-runner.js';

const set = certSet();
const dir = writeStoreFolder({
  My: { 'ftp.pem': withKey(set.valid), 'old.cer': set.expired.der },
  WebHosting: { 'ec.pem': withKey(set.ecdsa) },
});
const list = (ctx: CommandContext): number => listCert(ctx, NOW);
const run = (...args: string[]): ReturnType<typeof runCommand> => runCommand(list, ['list', 'cert', ...args]);

describe('appcmd list cert', () => {
  it('prints one appcmd-style line per certificate', () => {
    const r = run(`/certstore:${dir}`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        `CERT "${set.valid.thumbprint}" (store:My,cn:ftp.example.com,notAfter:2027-06-15T12:00:00Z,key:RSA 2048,privateKey:true)`,
        `CERT "${set.expired.thumbprint}" (store:My,cn:old.example.com,notAfter:2026-05-11T12:00:00Z (expired),key:RSA 2048,privateKey:false)`,
        `CERT "${set.ecdsa.thumbprint}" (store:WebHosting,cn:ec.example.com,notAfter:2027-04-11T12:00:00Z,key:ECDSA P-256,privateKey:true)`,
        '',
      ].join('\n'),
    );
  });

  it('filters by store (case-insensitive) and by subject or thumbprint', () => {
    assert.equal(run(`/certstore:${dir}`, '/store:MY').stdout.split('\n').filter(Boolean).length, 2);
    assert.match(runCommand(list, ['list', 'cert', 'CN=ec.example.com', `/certstore:${dir}`]).stdout, /store:WebHosting/);
    assert.match(runCommand(list, ['list', 'cert', set.valid.thumbprint.slice(0, 8).toLowerCase(), `/certstore:${dir}`]).stdout, /cn:ftp\.example\.com/);
  });

  it('shows every field with /text:*, one field with /text:NAME', () => {
    const detail = run(`/certstore:${dir}`, '/store:WebHosting', '/text:*').stdout;
    assert.equal(
      detail,
      [
        'CERT',
        `  thumbprint: ${set.ecdsa.thumbprint}`,
        '  store: WebHosting',
        '  subject: CN=ec.example.com',
        '  issuer: CN=ec.example.com',
        '  notBefore: 2026-06-14T12:00:00Z',
        '  notAfter: 2027-04-11T12:00:00Z',
        '  validity: valid',
        '  key: ECDSA P-256',
        '  signatureAlgorithm: sha256ECDSA',
        '  enhancedKeyUsage: Server Authentication',
        '  hasPrivateKey: true',
        '  privateKey: matching',
        `  file: ${join(dir, 'WebHosting', 'ec.pem')}`,
        '',
      ].join('\n'),
    );
    assert.equal(run(`/certstore:${dir}`, '/text:thumbprint').stdout, [set.valid.thumbprint, set.expired.thumbprint, set.ecdsa.thumbprint, ''].join('\n'));
    assert.equal(run(`/certstore:${dir}`, '/text:colour').code, 87);
  });

  it('prints appcmd /xml that parses, one CERT element per certificate', () => {
    const r = run(`/certstore:${dir}`, '/xml');
    const doc = parseXml(r.stdout, { fileName: 'stdout' });
    assert.equal(doc.root.name, 'appcmd');
    assert.equal(doc.root.children.length, 3);
    assert.match(r.stdout, new RegExp(`<CERT CERT.NAME="${set.valid.thumbprint}" thumbprint="${set.valid.thumbprint}" store="My" subject="CN=ftp.example.com, O=Example, C=US"`));
  });

  it('prints --json with typed fields', () => {
    const json = JSON.parse(run(`/certstore:${dir}`, '--json').stdout) as { stores: string[]; certificates: Record<string, unknown>[]; problems: unknown[] };
    assert.deepEqual(json.stores, ['My', 'WebHosting']);
    const old = json.certificates[1];
    assert.deepEqual(
      old && { validity: old['validity'], keySize: old['keySize'], hasPrivateKey: old['hasPrivateKey'], eku: old['enhancedKeyUsage'], sig: old['signatureAlgorithm'] },
      { validity: 'expired', keySize: 2048, hasPrivateKey: false, eku: [{ oid: '1.3.6.1.5.5.7.3.1', name: 'Server Authentication' }], sig: { name: 'sha256RSA', oid: '1.2.840.113549.1.1.11', hash: 'SHA256' } },
    );
    assert.deepEqual(json.problems, []);
  });

  it('takes the folder from APPCMD_CERTSTORE, and warns about unreadable files on stderr', () => {
    const broken = writeStoreFolder({ My: { 'ftp.pem': set.valid.pem } });
    writeFileSync(join(broken, 'My', 'junk.cer'), 'junk');
    const r = runCommand(list, ['list', 'cert'], { env: { APPCMD_CERTSTORE: broken } });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /cn:ftp\.example\.com/);
    assert.match(r.stderr, /^Warning: .*junk\.cer: neither PEM/);
  });

  it('refuses a missing folder switch, an unknown store and an unknown parameter', () => {
    assert.equal(run().code, 87);
    const store = run(`/certstore:${dir}`, '/store:Root');
    assert.equal(store.code, 1168);
    assert.match(store.stderr, /Cannot find store "Root".*\n.*Stores there: My, WebHosting/);
    assert.equal(run(`/certstore:${dir}`, '/subject:x').code, 87);
    assert.equal(run('/certstore:/no/such/folder').code, 2);
  });
});
