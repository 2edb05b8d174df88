import { AppcmdError, type ErrorCode } from '../errors.js';
import { allowsServerAuth, isWeakKey, keyDescription, validityAt, type CertificateInfo } from './certificate.js';
import { describeCertificateShort, isoDate } from './describe.js';
import { isWeakHash, keyPurposeName } from './oids.js';
import type { CertificateStoreFolder } from './store-folder.js';
import { cleanThumbprint } from './thumbprint.js';

/** Why a serverCertHash would not work on the server, or is risky. */
export type CertIssueCode =
  | 'hashInvalid'
  | 'notFound'
  | 'wrongStore'
  | 'expired'
  | 'notYetValid'
  | 'noServerAuth'
  | 'noPrivateKey'
  | 'expiringSoon'
  | 'weakKey'
  | 'weakSignature';

export interface CertIssue {
  readonly code: CertIssueCode;
  /** Blocking issues refuse a write (unless forced); the others are warnings only. */
  readonly blocking: boolean;
  readonly message: string;
}

export interface ServerCertInspection {
  /** The hash as cleaned (upper-case hex). */
  readonly hash: string;
  readonly storeName: string;
  /** The certificate in the named store, when it is there. */
  readonly certificate: CertificateInfo | undefined;
  /** The same thumbprint in other stores (the WebHosting-versus-MY mistake). */
  readonly elsewhere: readonly CertificateInfo[];
  readonly issues: readonly CertIssue[];
}

export interface InspectInput {
  readonly hash: string;
  /** The effective serverCertStoreName (explicit → siteDefaults → MY). */
  readonly storeName: string;
  readonly store: CertificateStoreFolder;
  readonly now: Date;
  /** A certificate that expires within this many days is reported (default 30). */
  readonly expiringWithinDays?: number;
}

const DAY_MS = 86_400_000;

/** Everything wrong with a serverCertHash/serverCertStoreName pair, judged against a certificate folder. Never throws. */
export function inspectServerCert(input: InspectInput): ServerCertInspection {
  const { value: hash, valid } = cleanThumbprint(input.hash);
  const base = { hash, storeName: input.storeName };
  if (!valid) return invalidHash(input.hash, input.storeName);
  const all = input.store.findThumbprint(hash);
  const named = input.store.store(input.storeName);
  const certificate = all.find((c) => named !== undefined && c.store === named.name);
  const elsewhere = all.filter((c) => c !== certificate);
  if (certificate === undefined) {
    return { ...base, certificate, elsewhere, issues: [notInStore(hash, input, elsewhere)] };
  }
  return { ...base, certificate, elsewhere, issues: certificateIssues(certificate, input.now, input.expiringWithinDays ?? 30) };
}

/** The inspection of a hash that is not a thumbprint at all; needs no certificate folder. */
export function invalidHash(raw: string, storeName: string): ServerCertInspection {
  const { value } = cleanThumbprint(raw);
  return { hash: value, storeName, certificate: undefined, elsewhere: [], issues: [issue('hashInvalid', true, `serverCertHash "${raw}" is not a SHA-1 thumbprint (40 hexadecimal digits).`)] };
}

function notInStore(hash: string, input: InspectInput, elsewhere: readonly CertificateInfo[]): CertIssue {
  const folder = input.store;
  const storeNote =
    folder.store(input.storeName) === undefined
      ? ` (the certificate folder has no "${input.storeName}" store; its stores are: ${folder.stores.map((s) => s.name).join(', ') || 'none'})`
      : '';
  const first = elsewhere[0];
  if (first === undefined) {
    return issue('notFound', true, `The certificate ${hash} is not in store "${input.storeName}"${storeNote}, nor in any other store of ${folder.dir}.`);
  }
  const where = elsewhere.map((c) => `"${c.store}" (${c.file})`).join(', ');
  return issue(
    'wrongStore',
    true,
    `The certificate ${hash} (${first.subject}) is not in store "${input.storeName}"${storeNote} but in store ${where}: IIS looks only in "${input.storeName}", so FTPS would fail. Set serverCertStoreName to "${first.store}", or move the certificate into "${input.storeName}".`,
  );
}

/** Issues of a certificate found where IIS will look for it. */
export function certificateIssues(cert: CertificateInfo, now: Date, expiringWithinDays: number): CertIssue[] {
  const out: CertIssue[] = [];
  const who = describeCertificateShort(cert);
  const validity = validityAt(cert, now);
  if (validity === 'expired') out.push(issue('expired', true, `The certificate ${who} expired on ${isoDate(cert.notAfter)}.`));
  if (validity === 'notYetValid') out.push(issue('notYetValid', true, `The certificate ${who} is not valid before ${isoDate(cert.notBefore)}.`));
  if (validity === 'valid' && cert.notAfter.getTime() - now.getTime() < expiringWithinDays * DAY_MS) {
    const days = Math.max(0, Math.floor((cert.notAfter.getTime() - now.getTime()) / DAY_MS));
    out.push(issue('expiringSoon', false, `The certificate ${who} expires on ${isoDate(cert.notAfter)}, in ${days} day${days === 1 ? '' : 's'}.`));
  }
  if (!allowsServerAuth(cert)) {
    const purposes = (cert.enhancedKeyUsage ?? []).map(keyPurposeName).join(', ') || 'nothing';
    out.push(issue('noServerAuth', true, `The certificate ${who} may not be used for server authentication: its enhanced key usage allows only ${purposes}.`));
  }
  if (!cert.hasPrivateKey) {
    const why = cert.privateKey === 'mismatch' ? 'the key beside it belongs to another certificate' : 'no key file beside it';
    out.push(
      issue('noPrivateKey', true, `The certificate ${who} has no private key (${why}: ${cert.file}); IIS cannot use it for TLS. Put its key in a .key file of the same name, or use a .pfx.`),
    );
  }
  if (isWeakKey(cert)) out.push(issue('weakKey', false, `The certificate ${who} has a weak key (${keyDescription(cert)}); use RSA 2048 or stronger, or ECDSA P-256.`));
  if (isWeakHash(cert.signatureAlgorithm.hash)) {
    out.push(issue('weakSignature', false, `The certificate ${who} is signed with ${cert.signatureAlgorithm.name}; clients reject SHA-1 and MD5 signatures. Reissue it with SHA-256.`));
  }
  return out;
}

function issue(code: CertIssueCode, blocking: boolean, message: string): CertIssue {
  return { code, blocking, message };
}

export interface ServerCertCheckInput extends InspectInput {
  /** Write anyway: blocking issues become warnings (/force). */
  readonly force?: boolean;
}

export interface ServerCertCheckResult {
  readonly hash: string;
  readonly certificate: CertificateInfo | undefined;
  /** Lines for stderr: non-blocking issues, and blocking ones when forced. */
  readonly warnings: readonly string[];
}

const ERROR_CODES: Readonly<Record<CertIssueCode, ErrorCode>> = {
  hashInvalid: 'VALUE_INVALID',
  notFound: 'OBJECT_NOT_FOUND',
  wrongStore: 'OBJECT_NOT_FOUND',
  expired: 'VALUE_INVALID',
  notYetValid: 'VALUE_INVALID',
  noServerAuth: 'VALUE_INVALID',
  noPrivateKey: 'VALUE_INVALID',
  expiringSoon: 'VALUE_INVALID',
  weakKey: 'VALUE_INVALID',
  weakSignature: 'VALUE_INVALID',
};

/**
 * The check every write of serverCertHash goes through when a certificate folder is given: refuses
 * (AppcmdError) a hash that IIS could not use, unless forced; returns the warnings to print.
 */
export function checkServerCertHash(input: ServerCertCheckInput): ServerCertCheckResult {
  const inspection = inspectServerCert(input);
  const blocking = inspection.issues.filter((i) => i.blocking);
  const [first, ...more] = blocking;
  if (first !== undefined && input.force !== true) {
    throw new AppcmdError(ERROR_CODES[first.code], first.message, {
      hints: [...more.map((m) => m.message), 'Nothing was written. Add /force to write it anyway.'],
    });
  }
  const warnings = inspection.issues.map((i) => (i.blocking ? `Warning (forced): ${i.message}` : `Warning: ${i.message}`));
  return { hash: inspection.hash, certificate: inspection.certificate, warnings };
}
