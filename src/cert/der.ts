/**
 * A minimal DER reader: just enough of X.690 to walk a certificate's structure. Node's
 * X509Certificate does not expose the signature algorithm or (portably across Node versions) the
 * extended key usage, so those few fields are read from the encoding itself.
 */

/** One tag-length-value in a buffer; `start` is where its contents begin. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  context0: 0xa0,
  context3: 0xa3,
} as const;

export class DerError extends Error {
  constructor(message: string) {
    super(`Malformed certificate encoding: ${message}`);
    this.name = 'DerError';
  }
}

/** Reads the TLV at `offset`, checking that it fits inside `limit`. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated header');
  const tag = bytes[offset] ?? 0;
  // High tag numbers never occur in X.509 structures; refusing them keeps the reader tiny.
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not supported');
  let length = bytes[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; more than 4 bytes is absurd here.
    if (count === 0 || count > 4) throw new DerError('unsupported length form');
    if (start + count > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (end > limit) throw new DerError('content runs past its container');
  return { tag, start, end };
}

/** The TLVs directly inside a constructed TLV. */
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let at = parent.start;
  while (at < parent.end) {
    const child = readTlv(bytes, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The child at `index`, checked to carry `tag`. */
export function childAt(bytes: Uint8Array, parent: Tlv, index: number, tag: number): Tlv {
  const child = childrenOf(bytes, parent)[index];
  if (child === undefined || child.tag !== tag) {
    throw new DerError(`expected tag 0x${tag.toString(16)} at position ${index}`);
  }
  return child;
}

export function contentOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

/** Dotted-decimal text of an OBJECT IDENTIFIER's contents. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw new DerError('object identifier arc too large');
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  if ((content[content.length - 1] ?? 0) & 0x80) throw new DerError('truncated object identifier');
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** UTCTime or GeneralizedTime in the strict forms RFC 5280 prescribes (…SSZ). */
export function decodeTime(bytes: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(contentOf(bytes, tlv)).toString('latin1');
  let m: RegExpExecArray | null;
  let year: number;
  if (tlv.tag === TAG.utcTime) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (m === null) throw new DerError(`bad UTCTime "${text}"`);
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (tlv.tag === TAG.generalizedTime) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (m === null) throw new DerError(`bad GeneralizedTime "${text}"`);
    year = Number(m[1]);
  } else {
    throw new DerError('expected a time');
  }
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}
