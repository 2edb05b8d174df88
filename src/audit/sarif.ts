import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuditReport, LocatedFinding, SiteAudit } from './audit.js';
import { ALL_RULES, type AuditRule } from './rules.js';
import { SETTING_PATHS } from './settings.js';
import type { Severity } from './severity.js';

/** The parts of SARIF 2.1.0 (OASIS) this report uses. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly artifacts: readonly { readonly location: { readonly uri: string } }[];
  readonly results: readonly SarifResult[];
}

interface SarifDriver {
  readonly name: string;
  readonly fullName: string;
  readonly version?: string;
  readonly rules: readonly SarifRule[];
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly tags: readonly string[]; readonly precision: string; readonly 'security-severity': string };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly unknown[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, string>>;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { high: 'error', medium: 'warning', low: 'note' };
/** GitHub code scanning ranks security results by this property (CVSS-like 0-10). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { high: '8.0', medium: '5.0', low: '3.0' };

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  readonly toolVersion?: string;
}

/** The audit as a SARIF 2.1.0 log, for CI code-scanning upload. */
export function toSarif(report: AuditReport, options: SarifOptions = {}): SarifLog {
  const uri = artifactUri(report.file);
  const results = report.sites.flatMap((site) => site.findings.map((f) => result(site, f, uri)));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'appcmd',
            fullName: 'appcmd for every platform: FTP over SSL audit',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            rules: ALL_RULES.map(sarifRule),
          },
        },
        artifacts: [{ location: { uri } }],
        results,
      },
    ],
  };
}

function sarifRule(r: AuditRule): SarifRule {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.help },
    help: { text: r.help },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['security', 'ftp', 'tls'], precision: 'very-high', 'security-severity': SECURITY_SEVERITY[r.severity] },
  };
}

function result(site: SiteAudit, f: LocatedFinding, uri: string): SarifResult {
  const ruleIndex = ALL_RULES.findIndex((r) => r.id === f.ruleId);
  const physicalLocation = {
    artifactLocation: { uri, index: 0 },
    ...(f.line === undefined ? {} : { region: { startLine: f.line } }),
  };
  const element = `system.applicationHost/sites/site[@name='${site.name}']`;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `Site "${site.name}": ${f.message}${f.fix === undefined ? '' : ` Fix: ${f.fix}`}` },
    locations: [
      {
        physicalLocation,
        logicalLocations: [{ name: site.name, fullyQualifiedName: `${element}/${SETTING_PATHS[f.setting].replace(/\./g, '/')}`, kind: 'element' }],
      },
    ],
    // Stable across edits that move lines, so code scanning tracks one alert per site and rule.
    partialFingerprints: { 'appcmdFtpSsl/v1': `${f.ruleId}:${site.name.toLowerCase()}` },
    properties: { site: site.name, severity: f.severity, ...(f.fix === undefined ? {} : { fix: f.fix }) },
  };
}

/** A relative path stays relative (code scanning resolves it against the repository); an absolute one becomes file://. */
export function artifactUri(path: string): string {
  const drive = /^([A-Za-z]:)[\\/](.*)$/.exec(path);
  // A Windows path read on another system (a config copied from a server) is still a Windows path.
  if (drive !== null) return `file:///${drive[1]}/${encodeSegments(drive[2] ?? '')}`;
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return encodeSegments(path);
}

function encodeSegments(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
