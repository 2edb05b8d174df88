import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkableBytes } from '../../src/store/ascii-check.js';

/** What the check answers, byte by byte: ASCII that XML allows (tab, LF, CR, and 0x20–0x7f). */
function cleanAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  }
  return true;
}

function filled(content: Uint8Array) {
  const area = checkableBytes(content.length);
  assert.ok(area !== undefined, 'node 20 on x64 and arm64 has WebAssembly SIMD');
  assert.equal(area.bytes.length, content.length);
  area.bytes.set(content);
  return area;
}

// Mostly clean text with, now and then, a byte from each class the check must tell apart.
const byte = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0x20, max: 0x7f }) },
  { weight: 3, arbitrary: fc.constantFrom(0x09, 0x0a, 0x0d) },
  { weight: 1, arbitrary: fc.integer({ min: 0x00, max: 0x1f }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
);

test('the SIMD check agrees with a byte-by-byte check on any content and any stretch', () => {
  fc.assert(
    fc.property(fc.array(byte, { maxLength: 400 }), fc.nat(), fc.nat(), (content, a, b) => {
      const bytes = Uint8Array.from(content);
      const from = content.length === 0 ? 0 : a % (content.length + 1);
      const to = from + (content.length === from ? 0 : b % (content.length - from + 1));
      assert.equal(filled(bytes).isCleanAscii(from, to), cleanAscii(bytes, from, to));
    }),
    { numRuns: 2000 },
  );
});

test('one forbidden byte anywhere in a large clean stretch is found, in every lane and in the tail', () => {
  const size = 64 * 40 + 37;
  const clean = new Uint8Array(size).fill(0x61);
  for (let i = 0; i < size; i += 61) clean[i] = i % 2 === 0 ? 0x0a : 0x0d;
  clean[5] = 0x09;
  clean[6] = 0x7f;
  assert.equal(filled(clean).isCleanAscii(0, size), true);
  for (const bad of [0x00, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x80, 0xc3, 0xef, 0xff]) {
    for (const at of [0, 15, 16, 63, 64, 64 * 17 + 33, size - 38, size - 1]) {
      const bytes = clean.slice();
      bytes[at] = bad;
      const area = filled(bytes);
      assert.equal(area.isCleanAscii(0, size), false, `byte ${bad} at ${at}`);
      // A stretch that ends before the byte, or starts after it, is still clean.
      assert.equal(area.isCleanAscii(0, at), true);
      assert.equal(area.isCleanAscii(at + 1, size), true);
    }
  }
});
