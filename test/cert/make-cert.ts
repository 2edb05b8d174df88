import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { bitString, explicit, integer, nullValue, octetString, oid, printable, seq, set, time, utf8 } from './der-writer.js';

/**
 * Test certificates made at test time with Node's crypto: every case the checks need (expired,
 * not yet valid, no server-auth EKU, RSA 1024, SHA-1, ECDSA) without calling an external tool.
 */

export type KeySpec = 'rsa2048' | 'rsa1024' | 'ec256' | 'ec384';
export type HashSpec = 'sha256' | 'sha1' | 'sha384';

export interface KeyPair {
  readonly spec: KeySpec;
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

export interface CertSpec {
  /** Windows order, "CN=ftp.example.com, O=Example, C=US". */
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly key?: KeyPair;
  readonly hash?: HashSpec;
  /** Extended key usage OIDs; undefined writes no extension. */
  readonly eku?: readonly string[];
  /** Issuer (CA) certificate and key; self-signed when absent. */
  readonly issuer?: { readonly subject: string; readonly key: KeyPair };
  readonly serial?: number;
}

export interface MadeCert {
  readonly der: Buffer;
  readonly pem: string;
  readonly keyPem: string;
  readonly key: KeyPair;
  readonly thumbprint: string;
}

export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

const keyCache = new Map<KeySpec, KeyPair>();

/** Key generation is slow for RSA; tests share one key per kind unless they ask for a fresh one. */
export function keyPair(spec: KeySpec, fresh = false): KeyPair {
  const cached = keyCache.get(spec);
  if (cached !== undefined && !fresh) return cached;
  const made =
    spec === 'rsa2048' || spec === 'rsa1024'
      ? generateKeyPairSync('rsa', { modulusLength: spec === 'rsa2048' ? 2048 : 1024 })
      : generateKeyPairSync('ec', { namedCurve: spec === 'ec256' ? 'prime256v1' : 'secp384r1' });
  const pair = { spec, publicKey: made.publicKey, privateKey: made.privateKey };
  if (!fresh) keyCache.set(spec, pair);
  return pair;
}

const ATTRIBUTE_OIDS: Readonly<Record<string, string>> = { CN: '2.5.4.3', O: '2.5.4.10', OU: '2.5.4.11', C: '2.5.4.6', L: '2.5.4.7', ST: '2.5.4.8' };

/** Encodes "CN=a, O=b, C=US" as an X.501 Name in encoding order (C first). */
function name(windowsOrder: string): Buffer {
  const rdns = windowsOrder
    .split(/,\s*/)
    .reverse()
    .map((part) => {
      const [type = '', value = ''] = part.split('=');
      const id = ATTRIBUTE_OIDS[type.trim().toUpperCase()];
      if (id === undefined) throw new Error(`test helper: unknown attribute ${type}`);
      return set(seq(oid(id), type.trim().toUpperCase() === 'C' ? printable(value) : utf8(value)));
    });
  return seq(...rdns);
}

function signatureAlgorithm(key: KeyPair, hash: HashSpec): Buffer {
  if (key.spec.startsWith('rsa')) {
    const id = { sha1: '1.2.840.113549.1.1.5', sha256: '1.2.840.113549.1.1.11', sha384: '1.2.840.113549.1.1.12' }[hash];
    return seq(oid(id), nullValue());
  }
  const id = { sha1: '1.2.840.10045.4.1', sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3' }[hash];
  return seq(oid(id));
}

let serialCounter = 1000;

export function makeCertificate(spec: CertSpec): MadeCert {
  const key = spec.key ?? keyPair('rsa2048');
  const signer = spec.issuer?.key ?? key;
  const hash = spec.hash ?? 'sha256';
  const algorithm = signatureAlgorithm(signer, hash);
  const extensions = spec.eku === undefined ? [] : [explicit(3, seq(seq(oid('2.5.29.37'), octetString(seq(...spec.eku.map(oid))))))];
  const tbs = seq(
    explicit(0, integer(2)),
    integer(spec.serial ?? serialCounter++),
    algorithm,
    name(spec.issuer?.subject ?? spec.subject),
    seq(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    key.publicKey.export({ type: 'spki', format: 'der' }),
    ...extensions,
  );
  const signature = sign(hash, tbs, signer.privateKey);
  const der = seq(tbs, algorithm, bitString(signature));
  return {
    der,
    pem: toPem('CERTIFICATE', der),
    keyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    key,
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
  };
}

export function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const DAY = 86_400_000;

/** Dates relative to a fixed "now", so that tests do not depend on the clock. */
export const NOW = new Date('2026-06-15T12:00:00Z');
export const daysFrom = (base: Date, days: number): Date => new Date(base.getTime() + days * DAY);
