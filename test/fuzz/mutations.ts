import type { Prng } from './prng.js';

/** One way to damage a config file; `apply` returns the damaged bytes. */
export interface Mutation {
  readonly name: string;
  apply(bytes: Buffer, rng: Prng): Buffer;
}

const text = (b: Buffer): string => b.toString('latin1');
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Offsets of every match of `re` (global) in the text. */
function offsets(s: string, re: RegExp): { index: number; match: string }[] {
  const out: { index: number; match: string }[] = [];
  for (const m of s.matchAll(re)) if (m.index !== undefined) out.push({ index: m.index, match: m[0] });
  return out;
}

function splice(s: string, at: number, remove: number, insert: string): string {
  return s.slice(0, at) + insert + s.slice(at + remove);
}

/** Applies a structural edit at a random match; no match leaves the bytes as they were. */
function atRandomMatch(re: RegExp, edit: (s: string, at: { index: number; match: string }, rng: Prng) => string): (b: Buffer, rng: Prng) => Buffer {
  return (b, rng) => {
    const s = text(b);
    const all = offsets(s, re);
    return all.length === 0 ? b : bytes(edit(s, rng.pick(all), rng));
  };
}

const INTERESTING_BYTES = [0x00, 0x3c, 0x3e, 0x22, 0x27, 0x26, 0x2f, 0x3d, 0x0a, 0x0d, 0xff, 0xfe, 0xc3, 0x80, 0xe2, 0xf0, 0x20];

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'byte flips',
    apply: (b, rng) => {
      const out = Buffer.from(b);
      const n = 1 + rng.int(8);
      for (let i = 0; i < n && out.length > 0; i++) {
        const at = rng.int(out.length);
        out[at] = rng.chance(0.5) ? (out[at] ?? 0) ^ (1 << rng.int(8)) : rng.pick(INTERESTING_BYTES);
      }
      return out;
    },
  },
  { name: 'truncation', apply: (b, rng) => b.subarray(0, rng.int(b.length + 1)) },
  {
    name: 'cut a range out',
    apply: (b, rng) => {
      const at = rng.int(b.length + 1);
      return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rng.int(200)))]);
    },
  },
  {
    name: 'duplicate a range',
    apply: (b, rng) => {
      const at = rng.int(b.length + 1);
      const piece = b.subarray(at, Math.min(b.length, at + 1 + rng.int(300)));
      return Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]);
    },
  },
  {
    name: 'duplicated attribute',
    apply: atRandomMatch(/ [A-Za-z][\w.:-]*="[^"]*"/g, (s, m, rng) => splice(s, m.index, 0, rng.chance(0.5) ? m.match : m.match.replace(/"[^"]*"$/, '"other"'))),
  },
  { name: 'removed end tag', apply: atRandomMatch(/<\/[A-Za-z][\w.:-]*\s*>/g, (s, m) => splice(s, m.index, m.match.length, '')) },
  { name: 'stray end tag', apply: atRandomMatch(/<[A-Za-z]/g, (s, m, rng) => splice(s, m.index, 0, rng.pick(['</site>', '</configuration>', '</x>', '</']))) },
  { name: 'unclosed start tag', apply: atRandomMatch(/<[A-Za-z][^>]*\/>/g, (s, m) => splice(s, m.index, m.match.length, m.match.replace(/\/>$/, '>'))) },
  { name: 'renamed end tag', apply: atRandomMatch(/<\/[A-Za-z][\w.:-]*>/g, (s, m) => splice(s, m.index, m.match.length, m.match.replace(/<\/(\w)/, '</X$1'))) },
  { name: 'broken quoting', apply: atRandomMatch(/="[^"]*"/g, (s, m, rng) => splice(s, m.index, m.match.length, rng.pick([m.match.slice(0, -1), `='${m.match.slice(2)}`, m.match.replace('"', ''), `=${m.match}`]))) },
  {
    name: 'hostile markup',
    apply: atRandomMatch(/<[A-Za-z]/g, (s, m, rng) =>
      splice(s, m.index, 0, rng.pick(['<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '&#0;', '&#xD800;', '<![CDATA[x]]>', '<?pi x?>', '<!-- -- -->', '\u0000', '<x y="<"/>', '<a:b xmlns:a="u"/>'])),
    ),
  },
  {
    name: 'attribute value garbage',
    apply: atRandomMatch(/="[^"]*"/g, (s, m, rng) =>
      splice(s, m.index, m.match.length, `="${rng.pick(['', ' ', '-1', '4294967296', '99999999999999999999', 'true ', 'TRUE', '00:00:-1', 'SslRequire,SslAllow', '[enc:AesProvider:xx:enc]', '%', '&amp;&lt;', 'é'])}"`),
    ),
  },
  {
    name: 'deep nesting',
    apply: atRandomMatch(/<[A-Za-z][^>]*[^/]>/g, (s, m, rng) => {
      const depth = 1 + rng.int(20_000);
      return splice(s, m.index + m.match.length, 0, '<x>'.repeat(depth) + (rng.chance(0.8) ? '</x>'.repeat(depth) : ''));
    }),
  },
  {
    name: 'encoding damage',
    apply: (b, rng) => {
      switch (rng.int(4)) {
        case 0:
          return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(b), 'utf16le')]);
        case 1:
          return Buffer.from(text(b), 'utf16le');
        case 2:
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b]);
        default:
          return Buffer.concat([b.subarray(0, rng.int(b.length + 1)), Buffer.from([0xc3]), b.subarray(rng.int(b.length + 1))]);
      }
    },
  },
];

/** One to three mutations stacked; the names say what was done, for the report. */
export function mutate(original: Buffer, rng: Prng): { bytes: Buffer; names: string[] } {
  let b = original;
  const names: string[] = [];
  const n = 1 + (rng.chance(0.3) ? rng.int(3) : 0);
  for (let i = 0; i < n; i++) {
    const m = rng.pick(MUTATIONS);
    b = m.apply(b, rng);
    names.push(m.name);
  }
  return { bytes: b, names };
}
