import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_AUTH, daysFrom, keyPair, makeCertificate, NOW, SERVER_AUTH, type MadeCert } from './make-cert.js';
import { tempDir } from '../helpers/temp.js';

/** Files to write into a certificate folder: store name → file name → content. */
export type Layout = Readonly<Record<string, Readonly<Record<string, string | Buffer>>>>;

export function writeStoreFolder(layout: Layout): string {
  const dir = tempDir('appcmd-certs-');
  for (const [store, files] of Object.entries(layout)) {
    const storeDir = join(dir, store);
    mkdirSync(storeDir, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(storeDir, file), content);
  }
  return dir;
}

/** A PEM file holding the certificate and its key, the simplest "with private key" form. */
export const withKey = (c: MadeCert): string => c.pem + c.keyPem;

/** The certificates every check needs, all relative to NOW. */
export interface CertSet {
  readonly valid: MadeCert;
  readonly expired: MadeCert;
  readonly notYetValid: MadeCert;
  readonly expiringSoon: MadeCert;
  readonly clientOnly: MadeCert;
  readonly rsa1024: MadeCert;
  readonly sha1: MadeCert;
  readonly noEku: MadeCert;
  readonly ecdsa: MadeCert;
}

let cached: CertSet | undefined;

export function certSet(): CertSet {
  cached ??= {
    valid: makeCertificate({ subject: 'CN=ftp.example.com, O=Example, C=US', notBefore: daysFrom(NOW, -30), notAfter: daysFrom(NOW, 365), eku: [SERVER_AUTH] }),
    expired: makeCertificate({ subject: 'CN=old.example.com', notBefore: daysFrom(NOW, -400), notAfter: daysFrom(NOW, -35), eku: [SERVER_AUTH] }),
    notYetValid: makeCertificate({ subject: 'CN=future.example.com', notBefore: daysFrom(NOW, 10), notAfter: daysFrom(NOW, 400), eku: [SERVER_AUTH] }),
    expiringSoon: makeCertificate({ subject: 'CN=soon.example.com', notBefore: daysFrom(NOW, -300), notAfter: daysFrom(NOW, 12), eku: [SERVER_AUTH] }),
    clientOnly: makeCertificate({ subject: 'CN=client.example.com', notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 300), eku: [CLIENT_AUTH] }),
    rsa1024: makeCertificate({ subject: 'CN=weak.example.com', notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 300), key: keyPair('rsa1024'), eku: [SERVER_AUTH] }),
    sha1: makeCertificate({ subject: 'CN=sha1.example.com', notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 300), hash: 'sha1', eku: [SERVER_AUTH] }),
    noEku: makeCertificate({ subject: 'CN=any.example.com', notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 300) }),
    ecdsa: makeCertificate({ subject: 'CN=ec.example.com', notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 300), key: keyPair('ec256'), eku: [SERVER_AUTH] }),
  };
  return cached;
}

/** openssl on PATH, for the PKCS#12 tests (Node's crypto cannot write PKCS#12). */
export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

export function openssl(args: readonly string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

/** Like openssl(), but tells whether it worked instead of throwing (for options some builds lack). */
export function opensslMaybe(args: readonly string[], cwd: string): boolean {
  return spawnSync('openssl', args, { cwd, encoding: 'utf8' }).status === 0;
}

/**
 * One folder with a certificate of every kind the checks distinguish: in My, valid, expired, not
 * yet valid, expiring soon, client-auth only, RSA 1024, SHA-1 signed, one without a key; in
 * WebHosting, an ECDSA one. Shared by the certificate and audit tests.
 */
export function standardStoreFolder(set: CertSet): string {
  return writeStoreFolder({
    My: {
      'valid.pem': withKey(set.valid),
      'expired.pem': withKey(set.expired),
      'future.pem': withKey(set.notYetValid),
      'soon.pem': withKey(set.expiringSoon),
      'client.pem': withKey(set.clientOnly),
      'weak.pem': withKey(set.rsa1024),
      'sha1.pem': withKey(set.sha1),
      'nokey.pem': set.noEku.pem,
    },
    WebHosting: { 'ec.pem': withKey(set.ecdsa) },
  });
}
