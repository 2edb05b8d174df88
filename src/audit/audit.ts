import type { Configuration } from '../config/configuration.js';
import type { ConfigurationElement } from '../config/element.js';
import { isoDate } from '../cert/describe.js';
import { inspectServerCert, invalidHash, type ServerCertInspection } from '../cert/server-cert.js';
import type { CertificateStoreFolder } from '../cert/store-folder.js';
import { cleanThumbprint } from '../cert/thumbprint.js';
import { ftpBindings, type FtpBinding } from './bindings.js';
import { evaluateSite, type Finding } from './findings.js';
import { readFtpSslSettings, type FtpSslSettings } from './settings.js';
import { SEVERITIES, compareSeverity, type Severity } from './severity.js';
import { sitesToAudit } from './sites.js';

export interface AuditOptions {
  readonly now: Date;
  /** The certificate folder (/certstore:); without it certificates are not checked. */
  readonly certStore?: CertificateStoreFolder;
  /** Audit only this site (by name). */
  readonly site?: string;
  readonly expiringWithinDays?: number;
}

/** The certificate a site names, as found in the certificate folder. */
export interface CertificateSummary {
  readonly thumbprint: string;
  readonly subject: string;
  readonly store: string;
  readonly notAfter: string;
  readonly file: string;
}

export interface LocatedFinding extends Finding {
  /** The line of the attribute at fault (site or siteDefaults), else of the site. */
  readonly line: number | undefined;
}

export interface SiteAudit {
  readonly name: string;
  readonly id: string;
  readonly line: number | undefined;
  readonly bindings: readonly FtpBinding[];
  readonly settings: FtpSslSettings;
  readonly certificate: CertificateSummary | undefined;
  readonly findings: readonly LocatedFinding[];
  readonly notes: readonly string[];
}

export interface AuditReport {
  readonly file: string;
  readonly certStore: string | undefined;
  readonly sites: readonly SiteAudit[];
  readonly counts: Readonly<Record<Severity, number>>;
}

/** The FTP-over-SSL audit of a configuration: effective settings and findings for every FTP site. */
export function auditFtpSsl(config: Configuration, options: AuditOptions): AuditReport {
  const sites = sitesToAudit(config, options.site).map((site) => auditSite(site, options));
  const counts = { high: 0, medium: 0, low: 0 };
  for (const s of sites) for (const f of s.findings) counts[f.severity]++;
  return { file: config.filePath, certStore: options.certStore?.dir, sites, counts };
}

function auditSite(site: ConfigurationElement, options: AuditOptions): SiteAudit {
  const name = site.getAttribute('name').text;
  const settings = readFtpSslSettings(site);
  const bindings = ftpBindings(site);
  const hash = settings.serverCertHash.value;
  const notes: string[] = [];
  let inspection: ServerCertInspection | undefined;
  if (hash !== '' && options.certStore !== undefined) {
    inspection = inspectServerCert({ hash, storeName: settings.serverCertStoreName.value, store: options.certStore, now: options.now, expiringWithinDays: options.expiringWithinDays });
  } else if (hash !== '' && !cleanThumbprint(hash).valid) {
    inspection = invalidHash(hash, settings.serverCertStoreName.value);
  } else if (hash !== '') {
    notes.push('The certificate was not checked: give the certificate folder with /certstore:DIR.');
  }
  if (bindings.length === 0) notes.push('The site has no ftp binding: its FTP settings apply only once one is added.');
  const findings = evaluateSite({ site: name, settings, bindings, certificate: inspection, certStoreDir: options.certStore?.dir })
    .map((f) => ({ ...f, line: settings[f.setting].line ?? site.line }))
    .sort((a, b) => compareSeverity(a.severity, b.severity));
  return { name, id: site.getAttribute('id').text, line: site.line, bindings, settings, certificate: summary(inspection), findings, notes };
}

function summary(inspection: ServerCertInspection | undefined): CertificateSummary | undefined {
  const c = inspection?.certificate ?? inspection?.elsewhere[0];
  if (c === undefined) return undefined;
  return { thumbprint: c.thumbprint, subject: c.subject, store: c.store, notAfter: isoDate(c.notAfter), file: c.file };
}

/** The most severe finding of a report, for /failon:. */
export function worstSeverity(report: AuditReport): Severity | undefined {
  return SEVERITIES.find((s) => report.counts[s] > 0);
}
