import { AppcmdError } from '../errors.js';

/** How bad a finding is; SARIF maps high → error, medium → warning, low → note. */
export type Severity = 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

const RANK: Readonly<Record<Severity, number>> = { high: 3, medium: 2, low: 1 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

/** /failon:high|medium|low (case-insensitive); 'none' or absent never fails. */
export function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'never') return undefined;
  if (v === 'high' || v === 'medium' || v === 'low') return v;
  throw new AppcmdError('BAD_ARGUMENT', `Invalid /failon value "${value}": use high, medium, low or none.`);
}
