import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { windowsNameFromNode } from './distinguished-name.js';
import { OID } from './oids.js';
import { readX509Fields, type SignatureAlgorithm } from './x509-fields.js';

/**
 * What is known about the private key of a certificate file:
 * - matching: a key was found and belongs to this certificate
 * - encrypted: a key was found but is locked (no password given), so it could not be compared
 * - mismatch: a key was found but belongs to another certificate
 * - none: no key
 */
export type PrivateKeyStatus = 'matching' | 'encrypted' | 'mismatch' | 'none';

/** One certificate of a store, with the facts Windows' certificate dialog shows. */
export interface CertificateInfo {
  /** SHA-1 of the DER encoding, upper-case hex, as Windows shows it and IIS stores it. */
  readonly thumbprint: string;
  /** Windows order: "CN=ftp.example.com, O=Example, C=US". */
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** RSA, RSA-PSS, ECDSA, DSA, Ed25519, Ed448. */
  readonly keyType: string;
  /** Key size in bits (the modulus for RSA and DSA, the curve's size for ECDSA). */
  readonly keySize: number | undefined;
  /** For ECDSA: P-256, P-384, P-521 or the OpenSSL curve name. */
  readonly curve: string | undefined;
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** Extended key usage OIDs; undefined when the certificate has no such extension (any purpose). */
  readonly enhancedKeyUsage: readonly string[] | undefined;
  readonly hasPrivateKey: boolean;
  readonly privateKey: PrivateKeyStatus;
  readonly selfSigned: boolean;
  /** The store (sub-folder name as written on disk) and the file it was read from. */
  readonly store: string;
  readonly file: string;
}

export interface CertificateSource {
  readonly store: string;
  readonly file: string;
  readonly privateKey: PrivateKeyStatus;
}

const CURVES: Readonly<Record<string, { name: string; bits: number }>> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp256k1: { name: 'secp256k1', bits: 256 },
  secp224r1: { name: 'P-224', bits: 224 },
  prime192v1: { name: 'P-192', bits: 192 },
};

/** Reads one DER certificate. Throws (DerError or Node's error) when it is not a certificate. */
export function describeCertificate(der: Uint8Array, source: CertificateSource): CertificateInfo {
  // Our own reader first: its errors say what is wrong, OpenSSL's say "no start line".
  const fields = readX509Fields(der);
  const x509 = new X509Certificate(der);
  const key = describeKey(x509.publicKey);
  return {
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    subject: windowsNameFromNode(x509.subject),
    issuer: windowsNameFromNode(x509.issuer),
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    ...key,
    signatureAlgorithm: fields.signatureAlgorithm,
    enhancedKeyUsage: fields.enhancedKeyUsage,
    hasPrivateKey: source.privateKey === 'matching' || source.privateKey === 'encrypted',
    privateKey: source.privateKey,
    selfSigned: x509.checkIssued(x509),
    store: source.store,
    file: source.file,
  };
}

function describeKey(key: KeyObject): Pick<CertificateInfo, 'keyType' | 'keySize' | 'curve'> {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { keyType: 'RSA', keySize: details.modulusLength, curve: undefined };
    case 'rsa-pss':
      return { keyType: 'RSA-PSS', keySize: details.modulusLength, curve: undefined };
    case 'dsa':
      return { keyType: 'DSA', keySize: details.modulusLength, curve: undefined };
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown';
      const known = CURVES[curve];
      return { keyType: 'ECDSA', keySize: known?.bits, curve: known?.name ?? curve };
    }
    case 'ed25519':
      return { keyType: 'Ed25519', keySize: 256, curve: undefined };
    case 'ed448':
      return { keyType: 'Ed448', keySize: 456, curve: undefined };
    default:
      return { keyType: key.asymmetricKeyType ?? 'unknown', keySize: undefined, curve: undefined };
  }
}

export type Validity = 'valid' | 'expired' | 'notYetValid';

export function validityAt(cert: CertificateInfo, now: Date): Validity {
  if (now.getTime() > cert.notAfter.getTime()) return 'expired';
  if (now.getTime() < cert.notBefore.getTime()) return 'notYetValid';
  return 'valid';
}

/** Server authentication is allowed when there is no EKU list, or it names serverAuth or any purpose. */
export function allowsServerAuth(cert: CertificateInfo): boolean {
  const eku = cert.enhancedKeyUsage;
  return eku === undefined || eku.includes(OID.serverAuth) || eku.includes(OID.anyExtendedKeyUsage);
}

/** Keys that no longer give the strength a server certificate needs (NIST SP 800-57: 112 bits). */
export function isWeakKey(cert: CertificateInfo): boolean {
  if (cert.keySize === undefined) return false;
  if (cert.keyType === 'ECDSA') return cert.keySize < 256;
  if (cert.keyType === 'RSA' || cert.keyType === 'RSA-PSS' || cert.keyType === 'DSA') return cert.keySize < 2048;
  return false;
}

/** "RSA 2048", "ECDSA P-256", "Ed25519". */
export function keyDescription(cert: CertificateInfo): string {
  if (cert.curve !== undefined) return `${cert.keyType} ${cert.curve}`;
  return cert.keySize === undefined || cert.keyType.startsWith('Ed') ? cert.keyType : `${cert.keyType} ${cert.keySize}`;
}
