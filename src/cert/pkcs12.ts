import { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';

/**
 * PKCS#12 (.pfx/.p12) without a dependency: Node's crypto has no PKCS#12 reader, but its TLS layer
 * loads one into a secure context (OpenSSL's PKCS12_parse, which also checks that the key belongs to
 * the certificate), and an unconnected server socket over that context hands back the certificate.
 * Only the certificate that goes with the key is read; CA certificates in the file are not listed.
 * Limits, said in the error: the file must hold a private key, and legacy RC2-40 encryption (Windows'
 * old default export) is refused by OpenSSL 3 unless it was built with the legacy provider.
 */
export function readPkcs12(bytes: Uint8Array, passwords: readonly string[]): Buffer {
  let last: unknown;
  for (const passphrase of passwords) {
    try {
      return leafOf(Buffer.from(bytes), passphrase);
    } catch (e) {
      last = e;
      if (!isWrongPassword(e)) break;
    }
  }
  throw new Error(explain(last, passwords));
}

function leafOf(pfx: Buffer, passphrase: string): Buffer {
  const context = createSecureContext({ pfx, passphrase });
  const socket = new TLSSocket(new Socket(), { secureContext: context, isServer: true });
  try {
    const cert = socket.getCertificate();
    if (cert === null || !('raw' in cert) || !Buffer.isBuffer(cert.raw)) throw new Error('the file holds no certificate');
    return cert.raw;
  } finally {
    socket.destroy();
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isWrongPassword(e: unknown): boolean {
  return /mac verify failure|bad decrypt|invalid password/i.test(messageOf(e));
}

function explain(e: unknown, passwords: readonly string[]): string {
  const m = messageOf(e);
  if (isWrongPassword(e)) {
    return passwords.length <= 1 && passwords[0] === ''
      ? 'PKCS#12 file is password-protected: give the password with /certpassword:PASSWORD or APPCMD_CERTPASSWORD'
      : 'PKCS#12 password is wrong (/certpassword: or APPCMD_CERTPASSWORD)';
  }
  if (/Unsupported PKCS12 PFX data|unsupported/i.test(m)) {
    return 'PKCS#12 file uses a legacy encryption (RC2-40 or similar) that this Node.js (OpenSSL 3) refuses; export it again with AES-256 (Windows: "AES256-SHA256"; openssl pkcs12 -export without -legacy) or as PEM';
  }
  if (/private key/i.test(m)) return 'PKCS#12 file holds no private key; store a certificate without a key as .cer or .pem instead';
  return `not a readable PKCS#12 file (${m})`;
}
