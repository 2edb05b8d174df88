import { distance } from '../schema/suggest.js';

/** "Did you mean" support: the closest candidates by edit distance, case-insensitive. */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: Array<{ c: string; d: number }> = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    const d = hay.includes(needle) || needle.includes(hay) ? Math.abs(hay.length - needle.length) * 0.1 : distance(needle, hay);
    const limit = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return [...new Set(scored.map((s) => s.c))].slice(0, max);
}

/** A "Did you mean ...?" line, or nothing when no candidate is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string[] {
  const best = closest(input, candidates);
  return best.length === 0 ? [] : [`Did you mean ${best.map((b) => `"${b}"`).join(' or ')}?`];
}
