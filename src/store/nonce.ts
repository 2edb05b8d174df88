/**
 * A random hex string that tells apart files and lock holders (not a secret: a temp file is
 * opened exclusively, and a lock token only has to differ between acquisitions). Math.random
 * rather than node:crypto, whose loading every writing command would otherwise pay for.
 */
export function nonce(hexDigits: number): string {
  let out = '';
  while (out.length < hexDigits) out += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, hexDigits);
}
