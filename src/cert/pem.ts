/** PEM armour (RFC 7468): labelled base64 blocks, possibly several in one file, text around them ignored. */

export interface PemBlock {
  readonly label: string;
  readonly der: Buffer;
  /** The block's own text, for handing a key back to Node's crypto unchanged (headers included). */
  readonly text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** True when the bytes look like PEM rather than DER (DER certificates start with 0x30). */
export function isPem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 4096)).toString('latin1').includes('-----BEGIN ');
}

export function readPemBlocks(bytes: Uint8Array): PemBlock[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] ?? '';
    // Legacy encrypted PEM keys carry "Proc-Type:"/"DEK-Info:" headers before the base64.
    const body = (m[2] ?? '').replace(/^[A-Za-z-]+:.*$/gm, '');
    out.push({ label, der: Buffer.from(body.replace(/\s+/g, ''), 'base64'), text: m[0] });
  }
  return out;
}

export const CERTIFICATE_LABELS: ReadonlySet<string> = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);
export const KEY_LABELS: ReadonlySet<string> = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']);
