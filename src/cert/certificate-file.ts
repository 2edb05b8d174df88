import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { describeCertificate, type CertificateInfo } from './certificate.js';
import { CERTIFICATE_LABELS, isPem, readPemBlocks } from './pem.js';
import { readPkcs12 } from './pkcs12.js';
import { keyStatusFor, readPrivateKeys, type FoundKey } from './private-key.js';

/** Extensions read as certificates; every other file in a store folder is ignored. */
export const CERTIFICATE_EXTENSIONS: ReadonlySet<string> = new Set(['.pem', '.crt', '.cer', '.pfx', '.p12']);

export interface FileReadResult {
  readonly certificates: readonly CertificateInfo[];
  /** Why the file (or part of it) could not be read; empty when all is well. */
  readonly problems: readonly string[];
}

export interface ReadOptions {
  /** Store name as written on disk (the folder's name). */
  readonly store: string;
  /** PKCS#12 and encrypted-PEM password (/certpassword: or APPCMD_CERTPASSWORD). */
  readonly password: string | undefined;
}

/**
 * One certificate file of a store folder.
 *
 * Private-key convention (Windows keeps the key with the certificate; files keep it beside it):
 * a certificate has its private key when a key that belongs to it (checked, not assumed) is in the
 * same PEM file, or in `NAME.key` next to `NAME.pem|.crt|.cer` (PEM, or DER PKCS#8). A PKCS#12
 * file always carries its key. Every certificate of a PEM bundle is listed (a chain's CA
 * certificates too, as Windows lists them after an import), each with its own key status.
 */
export function readCertificateFile(path: string, options: ReadOptions): FileReadResult {
  const bytes = readFileSync(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.pfx' || ext === '.p12') return readPfx(path, bytes, options);
  if (!isPem(bytes) && bytes[0] !== 0x30) return { certificates: [], problems: ['neither PEM (no "-----BEGIN" line) nor a DER certificate'] };
  const ders = isPem(bytes)
    ? readPemBlocks(bytes)
        .filter((b) => CERTIFICATE_LABELS.has(b.label))
        .map((b) => b.der)
    : [bytes];
  if (ders.length === 0) return { certificates: [], problems: ['no CERTIFICATE block in this PEM file'] };
  const keys = [...(isPem(bytes) ? readPrivateKeys(bytes, options.password) : []), ...siblingKeys(path, options.password)];
  const certificates: CertificateInfo[] = [];
  const problems: string[] = [];
  ders.forEach((der, i) => {
    try {
      certificates.push(describeCertificate(der, { store: options.store, file: path, privateKey: keyStatusFor(der, keys) }));
    } catch (e) {
      problems.push(`${ders.length > 1 ? `certificate #${i + 1}: ` : ''}not a readable X.509 certificate (${messageOf(e)})`);
    }
  });
  return { certificates, problems };
}

function readPfx(path: string, bytes: Buffer, options: ReadOptions): FileReadResult {
  const passwords = options.password === undefined ? [''] : [options.password, ''];
  try {
    const der = readPkcs12(bytes, passwords);
    return { certificates: [describeCertificate(der, { store: options.store, file: path, privateKey: 'matching' })], problems: [] };
  } catch (e) {
    return { certificates: [], problems: [messageOf(e)] };
  }
}

/** NAME.key beside NAME.pem; the extension's case is ignored, as on Windows. */
function siblingKeys(path: string, password: string | undefined): FoundKey[] {
  const wanted = `${basename(path, extname(path))}.key`.toLowerCase();
  const dir = dirname(path);
  const name = readdirSync(dir).find((f) => f.toLowerCase() === wanted);
  return name === undefined ? [] : readPrivateKeys(readFileSync(join(dir, name)), password);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
