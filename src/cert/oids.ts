/** The object identifiers this module names, with the labels Windows' certificate dialog uses. */

export type HashName = 'MD2' | 'MD5' | 'SHA1' | 'SHA224' | 'SHA256' | 'SHA384' | 'SHA512' | 'unknown';

export interface SignatureAlgorithmName {
  readonly name: string;
  /** The digest the signature is computed over; 'unknown' when the OID is not in the table. */
  readonly hash: HashName;
}

export const OID = {
  rsassaPss: '1.2.840.113549.1.1.10',
  extKeyUsage: '2.5.29.37',
  anyExtendedKeyUsage: '2.5.29.37.0',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithmName>> = {
  '1.2.840.113549.1.1.2': { name: 'md2RSA', hash: 'MD2' },
  '1.2.840.113549.1.1.4': { name: 'md5RSA', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1RSA', hash: 'SHA1' },
  '1.2.840.113549.1.1.14': { name: 'sha224RSA', hash: 'SHA224' },
  '1.2.840.113549.1.1.11': { name: 'sha256RSA', hash: 'SHA256' },
  '1.2.840.113549.1.1.12': { name: 'sha384RSA', hash: 'SHA384' },
  '1.2.840.113549.1.1.13': { name: 'sha512RSA', hash: 'SHA512' },
  '1.2.840.10045.4.1': { name: 'sha1ECDSA', hash: 'SHA1' },
  '1.2.840.10045.4.3.1': { name: 'sha224ECDSA', hash: 'SHA224' },
  '1.2.840.10045.4.3.2': { name: 'sha256ECDSA', hash: 'SHA256' },
  '1.2.840.10045.4.3.3': { name: 'sha384ECDSA', hash: 'SHA384' },
  '1.2.840.10045.4.3.4': { name: 'sha512ECDSA', hash: 'SHA512' },
  '1.2.840.10040.4.3': { name: 'sha1DSA', hash: 'SHA1' },
  '2.16.840.1.101.3.4.3.2': { name: 'sha256DSA', hash: 'SHA256' },
  // EdDSA signs the message itself with its built-in hash; there is no weak digest to report.
  '1.3.101.112': { name: 'Ed25519', hash: 'SHA512' },
  '1.3.101.113': { name: 'Ed448', hash: 'unknown' },
};

/** Digest OIDs as they appear inside RSASSA-PSS parameters. */
const HASHES: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.4': 'SHA224',
  '2.16.840.1.101.3.4.2.1': 'SHA256',
  '2.16.840.1.101.3.4.2.2': 'SHA384',
  '2.16.840.1.101.3.4.2.3': 'SHA512',
};

const KEY_PURPOSES: Readonly<Record<string, string>> = {
  [OID.serverAuth]: 'Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'Secure Email',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '1.3.6.1.4.1.311.10.3.4': 'Encrypting File System',
  [OID.anyExtendedKeyUsage]: 'Any Purpose',
};

export function signatureAlgorithmName(oid: string): SignatureAlgorithmName {
  return SIGNATURE_ALGORITHMS[oid] ?? { name: oid, hash: 'unknown' };
}

export function hashName(oid: string): HashName {
  return HASHES[oid] ?? 'unknown';
}

/** "Server Authentication" for 1.3.6.1.5.5.7.3.1; the OID itself when it has no common name. */
export function keyPurposeName(oid: string): string {
  return KEY_PURPOSES[oid] ?? oid;
}

/** Digests too weak for a server certificate's signature (collisions are practical). */
export function isWeakHash(hash: HashName): boolean {
  return hash === 'MD2' || hash === 'MD5' || hash === 'SHA1';
}
