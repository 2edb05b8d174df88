import { AppcmdError } from '../errors.js';
import { allowsServerAuth, validityAt, type CertificateInfo } from './certificate.js';
import { describeCertificateShort, isoDate } from './describe.js';
import { looksLikeName, nameMatches } from './distinguished-name.js';
import type { CertificateStoreFolder } from './store-folder.js';
import { cleanThumbprint } from './thumbprint.js';

export interface SelectInput {
  /** The /cert: value: a thumbprint, or a subject such as "CN=ftp.example.com". */
  readonly selector: string;
  readonly store: CertificateStoreFolder;
  /** Only this store (/store:); otherwise every store is searched. */
  readonly storeName?: string;
  /** The store to prefer when the same certificate is in several (the current serverCertStoreName). */
  readonly preferredStore?: string;
  readonly now: Date;
}

export interface Selection {
  readonly certificate: CertificateInfo;
  /** How it was chosen, for the command's output. */
  readonly reason: string;
}

/**
 * Resolves /cert: to one certificate of the folder. A subject selects, among the certificates whose
 * subject contains every given attribute, the usable one (valid now, server authentication allowed,
 * private key present) that expires last — what a renewal script wants.
 */
export function selectCertificate(input: SelectInput): Selection {
  const pool = input.storeName === undefined ? input.store.all() : (input.store.store(input.storeName)?.certificates ?? []);
  if (looksLikeName(input.selector)) return bySubject(input, pool);
  return byThumbprint(input, pool);
}

function byThumbprint(input: SelectInput, pool: readonly CertificateInfo[]): Selection {
  const { value, valid } = cleanThumbprint(input.selector);
  if (!valid) {
    throw new AppcmdError('VALUE_INVALID', `"${input.selector}" is neither a SHA-1 thumbprint (40 hexadecimal digits) nor a subject such as "CN=ftp.example.com".`);
  }
  const found = pool.filter((c) => c.thumbprint === value);
  if (found.length === 0) throw notFound(input, `thumbprint ${value}`, input.store.findThumbprint(value));
  return { certificate: prefer(found, input.preferredStore), reason: `thumbprint ${value}` };
}

function bySubject(input: SelectInput, pool: readonly CertificateInfo[]): Selection {
  const matching = pool.filter((c) => nameMatches(c.subject, input.selector));
  if (matching.length === 0) {
    throw notFound(input, `subject "${input.selector}"`, input.store.all().filter((c) => nameMatches(c.subject, input.selector)));
  }
  const usable = matching.filter((c) => unusableReason(c, input.now) === undefined);
  if (usable.length === 0) {
    throw new AppcmdError('VALUE_INVALID', `No usable certificate has the subject "${input.selector}".`, {
      hints: matching.map((c) => `${describeCertificateShort(c)} in "${c.store}": ${unusableReason(c, input.now) ?? ''}`),
    });
  }
  const latest = Math.max(...usable.map((c) => c.notAfter.getTime()));
  const best = usable.filter((c) => c.notAfter.getTime() === latest).sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime() || cmp(a.thumbprint, b.thumbprint));
  const certificate = prefer(best, input.preferredStore);
  const distinct = new Set(usable.map((c) => c.thumbprint)).size;
  return {
    certificate,
    reason: `subject "${input.selector}": the valid certificate that expires last (${isoDate(certificate.notAfter)})${distinct > 1 ? `, of ${distinct} usable` : ''}`,
  };
}

/** Why a certificate cannot serve FTPS now; undefined when it can. */
export function unusableReason(c: CertificateInfo, now: Date): string | undefined {
  const validity = validityAt(c, now);
  if (validity === 'expired') return `expired on ${isoDate(c.notAfter)}`;
  if (validity === 'notYetValid') return `not valid before ${isoDate(c.notBefore)}`;
  if (!allowsServerAuth(c)) return 'not for server authentication (enhanced key usage)';
  if (!c.hasPrivateKey) return 'no private key';
  return undefined;
}

function prefer(found: readonly CertificateInfo[], store: string | undefined): CertificateInfo {
  const wanted = store?.toLowerCase();
  const first = found.find((c) => c.store.toLowerCase() === wanted) ?? found[0];
  if (first === undefined) throw new Error('prefer() needs at least one certificate');
  return first;
}

function notFound(input: SelectInput, what: string, elsewhere: readonly CertificateInfo[]): AppcmdError {
  const scope = input.storeName === undefined ? `any store of ${input.store.dir}` : `store "${input.storeName}" of ${input.store.dir}`;
  const hints = elsewhere.map((c) => `Found in store "${c.store}" instead: ${describeCertificateShort(c)} (${c.file}).`);
  if (input.store.problems.length > 0) hints.push(`${input.store.problems.length} file(s) of the folder could not be read; run "appcmd list cert /certstore:${input.store.dir}" to see why.`);
  return new AppcmdError('OBJECT_NOT_FOUND', `Cannot find a certificate with ${what} in ${scope}.`, { hints });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
