import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { PrivateKeyStatus } from './certificate.js';
import { KEY_LABELS, isPem, readPemBlocks } from './pem.js';

/** A private key as found in a file: still locked when it is encrypted and no password opened it. */
export type FoundKey = { readonly kind: 'key'; readonly key: KeyObject } | { readonly kind: 'locked' };

/**
 * Private keys in a PEM text (any of the usual labels) or a DER PKCS#8 file. A key that cannot be
 * parsed at all is skipped; an encrypted one that the password does not open is 'locked'.
 */
export function readPrivateKeys(bytes: Uint8Array, password: string | undefined): FoundKey[] {
  if (!isPem(bytes)) {
    const key = tryKey(() => createPrivateKey({ key: Buffer.from(bytes), format: 'der', type: 'pkcs8' }));
    return key === undefined ? [] : [{ kind: 'key', key }];
  }
  const out: FoundKey[] = [];
  for (const block of readPemBlocks(bytes)) {
    if (!KEY_LABELS.has(block.label)) continue;
    const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || block.text.includes('Proc-Type: 4,ENCRYPTED');
    if (encrypted && password === undefined) {
      out.push({ kind: 'locked' });
      continue;
    }
    const key = tryKey(() => createPrivateKey({ key: block.text, format: 'pem', passphrase: password }));
    if (key !== undefined) out.push({ kind: 'key', key });
    else if (encrypted) out.push({ kind: 'locked' });
  }
  return out;
}

function tryKey(make: () => KeyObject): KeyObject | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/** How the keys found beside a certificate relate to it. */
export function keyStatusFor(certDer: Uint8Array, keys: readonly FoundKey[]): PrivateKeyStatus {
  if (keys.length === 0) return 'none';
  const x509 = new X509Certificate(certDer);
  let locked = false;
  for (const k of keys) {
    if (k.kind === 'locked') locked = true;
    else if (matches(x509, k.key)) return 'matching';
  }
  return locked ? 'encrypted' : 'mismatch';
}

function matches(x509: X509Certificate, key: KeyObject): boolean {
  try {
    return x509.checkPrivateKey(key);
  } catch {
    // A key of another algorithm (an EC key beside an RSA certificate) makes OpenSSL throw.
    return false;
  }
}
