/**
 * Whether a stretch of bytes is ASCII holding no character XML forbids, answered with WebAssembly
 * SIMD, 64 bytes a step. A large configuration file is almost always such ASCII, and this answer
 * spares both the isAscii pass and the forbidden-character regex over its text, which cost
 * several times this check (README, performance). Any other content (non-ASCII, a control
 * character) gets "no", and the caller takes the general path, which finds and reports the
 * exact character.
 *
 * The bytes must live in the module's memory, so the buffer is made here and the caller reads
 * the file into it: copying a large file in would cost what the check saves.
 */

/** The bytes one loop step reads: four 16-byte vectors. */
const STEP = 64;
const PAGE = 65536;

// The module, one function `clean(from, to)` over the imported memory, where to - from is a
// multiple of STEP. Per vector v: the tab, LF and CR bytes are lifted to a space by a table
// lookup (swizzle gives 0 for every byte ≥ 16), and the running minimum is taken as signed
// bytes, so that a control character (< 0x20) and a non-ASCII byte (≥ 0x80, negative) both
// pull it below 0x20. DEL (0x7f) is an XML character and passes.
const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  voidType: 0x40,
};
const simd = {
  load: [0xfd, 0x00],
  const: [0xfd, 0x0c],
  swizzle: [0xfd, 0x0e],
  i8GeS: [0xfd, 0x2b],
  i8AllTrue: [0xfd, 0x63],
  i8MinS: [0xfd, 0x76],
  i8MaxU: [0xfd, 0x79],
};
const FROM = 0;
const TO = 1;
const MIN = 2;
const LIFT = 3;

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** A signed LEB128 number, as i32.const takes it. */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

function splat(byte: number): number[] {
  return [...simd.const, ...new Array<number>(16).fill(byte)];
}

function moduleBytes(): Uint8Array {
  const lift = new Array<number>(16).fill(0);
  lift[0x09] = lift[0x0a] = lift[0x0d] = 0x20;
  const body = [
    ...splat(0x7f), op.localSet, MIN,
    ...simd.const, ...lift, op.localSet, LIFT,
    op.block, op.voidType, op.loop, op.voidType,
    op.localGet, FROM, op.localGet, TO, op.i32GeU, op.brIf, 1,
  ];
  for (let offset = 0; offset < STEP; offset += 16) {
    body.push(
      op.localGet, MIN,
      op.localGet, FROM, ...simd.load, 0, ...leb(offset),
      op.localGet, LIFT, op.localGet, FROM, ...simd.load, 0, ...leb(offset), ...simd.swizzle,
      ...simd.i8MaxU, ...simd.i8MinS, op.localSet, MIN,
    );
  }
  body.push(
    op.localGet, FROM, op.i32Const, ...sleb(STEP), op.i32Add, op.localSet, FROM, op.br, 0,
    op.end, op.end,
    op.localGet, MIN, ...splat(0x20), ...simd.i8GeS, ...simd.i8AllTrue,
    op.end,
  );
  const fn = [1, 2, V128, ...body];
  const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
  const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('clean'), 0x00, 0]),
    ...section(10, [1, ...leb(fn.length), ...fn]),
  ]);
}

// The little of the WebAssembly API used here (node's type definitions leave it to the DOM's).
type WasmModule = object;
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (limits: { initial: number }) => WasmMemory;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: WasmModule | null | undefined;

function checkModule(): WasmModule | undefined {
  if (compiled === undefined) {
    try {
      if (wasm === undefined) throw new Error('no WebAssembly');
      compiled = new wasm.Module(moduleBytes());
    } catch {
      // No WebAssembly, or a CPU without SIMD: the general path serves.
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/** Room for `size` bytes that can then be asked whether they are clean ASCII. */
export interface CheckableBytes {
  /** Exactly `size` bytes long; fill it, then ask. */
  readonly bytes: Uint8Array;
  /** Whether bytes[from, to) are all ASCII characters that XML allows (to ≤ size). */
  isCleanAscii(from: number, to: number): boolean;
}

/** Undefined where WebAssembly SIMD is not available (or the memory cannot be had). */
export function checkableBytes(size: number): CheckableBytes | undefined {
  const module = checkModule();
  if (module === undefined || wasm === undefined) return undefined;
  let memory: WasmMemory;
  let clean: (from: number, to: number) => number;
  try {
    memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(size / PAGE)) });
    const instance = new wasm.Instance(module, { env: { memory } });
    clean = instance.exports['clean'] as (from: number, to: number) => number;
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(memory.buffer, 0, size);
  return {
    bytes,
    isCleanAscii(from: number, to: number): boolean {
      const end = from + Math.floor((to - from) / STEP) * STEP;
      if (clean(from, end) !== 1) return false;
      // The last few bytes, fewer than a step, are looked at one by one.
      for (let i = end; i < to; i++) {
        const b = bytes[i]!;
        if (b >= 0x80 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
      }
      return true;
    },
  };
}
