import { AppcmdError } from '../errors.js';
import { didYouMean } from './suggest.js';

/**
 * Resolves what the user typed after -section: to a full section path. A full path matches
 * case-insensitively; a short name (`sites`, `ftpServer/security/authorization`,
 * `requestfiltering`) matches the trailing segments of exactly one known path. A path that is
 * not `offered` (a section of another IIS file) is left out; the test runs only on the paths a
 * match reaches, so the common full path costs no more than a lookup.
 */
export function resolveSectionName(input: string, known: Iterable<string>, offered: (path: string) => boolean = () => true): string {
  const wanted = input.trim().replace(/^\/+|\/+$/g, '');
  const all = [...new Set(known)];
  const lower = wanted.toLowerCase();
  const exact = all.find((p) => p.toLowerCase() === lower && offered(p));
  if (exact !== undefined) return exact;
  const matches = all.filter((p) => p.toLowerCase().endsWith(`/${lower}`) && offered(p));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length > 1) {
    throw new AppcmdError('AMBIGUOUS_SECTION', `The section name "${input}" is ambiguous: it matches ${matches.sort().join(', ')}.`, {
      hints: ['Use the full section path.'],
    });
  }
  const shortNames = all.filter(offered).flatMap((p) => [p, p.slice(p.lastIndexOf('/') + 1)]);
  const hints = didYouMean(wanted, shortNames);
  throw new AppcmdError('UNKNOWN_SECTION', `Unknown config section "${input}".`, {
    hints: [...hints, 'Run "appcmd list config /section:?" to list the sections.'],
  });
}
