import type { AuditReport, LocatedFinding, SiteAudit } from '../../audit/audit.js';
import type { FtpSslSettings, Setting } from '../../audit/settings.js';
import type { Severity } from '../../audit/severity.js';
import type { Palette } from './colour.js';

const SOURCE: Readonly<Record<Setting['source'], string>> = { explicit: '', inherited: ' (inherited)', defaultElement: ' (from siteDefaults)', schemaDefault: ' (default)', none: '' };

const SHOWN: readonly (keyof FtpSslSettings)[] = ['controlChannelPolicy', 'dataChannelPolicy', 'serverCertHash', 'serverCertStoreName', 'ssl128', 'clientCertificatePolicy'];

/** The audit for a person: per site, the effective settings and the findings with their fix. */
export function renderAuditText(report: AuditReport, p: Palette): string {
  const lines: string[] = [`FTP over SSL audit of ${report.file}${report.certStore === undefined ? '' : ` (certificates: ${report.certStore})`}`];
  if (report.sites.length === 0) lines.push('', 'No FTP site (no ftp binding and no ftpServer element).');
  for (const site of report.sites) lines.push('', ...renderSite(site, p));
  lines.push('', summary(report, p));
  return lines.join('\n') + '\n';
}

function renderSite(site: SiteAudit, p: Palette): string[] {
  const bindings = site.bindings.map((b) => `${b.protocol}/${b.bindingInformation}`).join(',') || 'none';
  const out = [p.bold(`SITE "${site.name}" (id:${site.id},bindings:${bindings})`)];
  const width = Math.max(...SHOWN.map((k) => k.length));
  for (const key of SHOWN) {
    const s = site.settings[key];
    out.push(`  ${key.padEnd(width)}  ${s.value === '' ? '(none)' : s.value}${p.dim(SOURCE[s.source])}`);
  }
  if (site.certificate !== undefined) {
    const c = site.certificate;
    out.push(`  ${'certificate'.padEnd(width)}  ${c.subject}, store ${c.store}, expires ${c.notAfter}`);
  }
  for (const n of site.notes) out.push(`  ${p.dim(`note: ${n}`)}`);
  if (site.findings.length === 0) out.push(`  ${p.cyan('no findings')}`);
  for (const f of site.findings) out.push(...renderFinding(f, p));
  return out;
}

function renderFinding(f: LocatedFinding, p: Palette): string[] {
  const label = paint(f.severity, p)(f.severity.toUpperCase().padEnd(6));
  const out = [`  ${label} ${f.ruleId} ${f.message}${f.line === undefined ? '' : p.dim(` (line ${f.line})`)}`];
  if (f.fix !== undefined) out.push(`         fix: ${f.fix}`);
  return out;
}

function paint(s: Severity, p: Palette): (t: string) => string {
  return s === 'high' ? p.red : s === 'medium' ? p.yellow : p.cyan;
}

function summary(report: AuditReport, p: Palette): string {
  const c = report.counts;
  const total = c.high + c.medium + c.low;
  const sites = `${report.sites.length} FTP site${report.sites.length === 1 ? '' : 's'}`;
  if (total === 0) return `${sites}, no findings.`;
  return `${sites}, ${total} finding${total === 1 ? '' : 's'}: ${p.red(`${c.high} high`)}, ${p.yellow(`${c.medium} medium`)}, ${p.cyan(`${c.low} low`)}.`;
}
