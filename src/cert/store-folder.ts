import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { AppcmdError } from '../errors.js';
import type { CertificateInfo } from './certificate.js';
import { CERTIFICATE_EXTENSIONS, readCertificateFile } from './certificate-file.js';

/** One certificate store: a sub-folder of the certificate folder. */
export interface CertificateStore {
  /** The folder's name as written on disk (My, WebHosting, …). */
  readonly name: string;
  readonly path: string;
  readonly certificates: readonly CertificateInfo[];
}

/** A file that could not be read; listing goes on without it. */
export interface StoreProblem {
  readonly file: string;
  readonly message: string;
}

export interface OpenStoreOptions {
  /** Password for PKCS#12 files and encrypted PEM keys. */
  readonly password?: string;
}

/**
 * A folder that mirrors the Windows certificate stores of a machine (/certstore:DIR): one
 * sub-folder per store, whose name matches serverCertStoreName case-insensitively, as Windows
 * matches store names. Everything is read once, when opened.
 */
export class CertificateStoreFolder {
  private constructor(
    readonly dir: string,
    readonly stores: readonly CertificateStore[],
    readonly problems: readonly StoreProblem[],
  ) {}

  static open(dir: string, options: OpenStoreOptions = {}): CertificateStoreFolder {
    const entries = listFolder(dir);
    const problems: StoreProblem[] = [];
    const byName = new Map<string, { name: string; path: string; certificates: CertificateInfo[] }>();
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (!isDirectory(entry, path)) {
        if (CERTIFICATE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
          problems.push({ file: path, message: 'not in a store: put certificate files in a sub-folder named after their store (My, WebHosting, …)' });
        }
        continue;
      }
      const key = entry.name.toLowerCase();
      let store = byName.get(key);
      if (store === undefined) {
        store = { name: entry.name, path, certificates: [] };
        byName.set(key, store);
      } else {
        problems.push({ file: path, message: `a second folder for store "${store.name}" (store names ignore case); both are read as one store` });
      }
      readStore(path, store.name, options.password, store.certificates, problems);
    }
    const stores = [...byName.values()].map((s) => ({ ...s, certificates: uniqueByThumbprint(s.certificates) }));
    return new CertificateStoreFolder(dir, stores, problems);
  }

  /** The store named case-insensitively (MY finds the folder My). */
  store(name: string): CertificateStore | undefined {
    const key = name.toLowerCase();
    return this.stores.find((s) => s.name.toLowerCase() === key);
  }

  /** Every certificate with this thumbprint, in any store (upper- or lower-case hex accepted). */
  findThumbprint(thumbprint: string): CertificateInfo[] {
    const wanted = thumbprint.toUpperCase();
    return this.all().filter((c) => c.thumbprint === wanted);
  }

  all(): CertificateInfo[] {
    return this.stores.flatMap((s) => s.certificates);
  }
}

/**
 * A store holds a certificate once, as Windows does; the same certificate in two files (a .pem and
 * a .pfx) counts once, with its private key if either file has it.
 */
function uniqueByThumbprint(certificates: readonly CertificateInfo[]): CertificateInfo[] {
  const byThumbprint = new Map<string, CertificateInfo>();
  for (const c of certificates) {
    const seen = byThumbprint.get(c.thumbprint);
    if (seen === undefined || (!seen.hasPrivateKey && c.hasPrivateKey)) byThumbprint.set(c.thumbprint, c);
  }
  return [...byThumbprint.values()];
}

function listFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppcmdError('FILE_NOT_FOUND', `The certificate folder "${dir}" does not exist.`, { hints: certFolderHints() });
    if (code === 'ENOTDIR') throw new AppcmdError('FILE_NOT_FOUND', `The certificate folder "${dir}" is a file, not a folder.`, { hints: certFolderHints() });
    throw new AppcmdError('FILE_IO', `Cannot read the certificate folder "${dir}": ${(e as Error).message}`);
  }
}

function certFolderHints(): string[] {
  return ['/certstore:DIR names a folder with one sub-folder per certificate store, e.g. DIR/My/ftp.pem and DIR/WebHosting/site.pfx.'];
}

function isDirectory(entry: Dirent, path: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readStore(path: string, store: string, password: string | undefined, into: CertificateInfo[], problems: StoreProblem[]): void {
  for (const name of readdirSync(path).sort()) {
    if (!CERTIFICATE_EXTENSIONS.has(extname(name).toLowerCase())) continue;
    const file = join(path, name);
    try {
      const result = readCertificateFile(file, { store, password });
      into.push(...result.certificates);
      for (const message of result.problems) problems.push({ file, message });
    } catch (e) {
      problems.push({ file, message: e instanceof Error ? e.message : String(e) });
    }
  }
}
