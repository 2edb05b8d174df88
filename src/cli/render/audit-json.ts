import type { AuditReport } from '../../audit/audit.js';
import type { Severity } from '../../audit/severity.js';

/** --json: a stable shape (documented in docs/ftp-ssl.md); absent values are null, never missing. */
export function auditJson(report: AuditReport, failOn: Severity | undefined, failed: boolean): unknown {
  return {
    file: report.file,
    certStore: report.certStore ?? null,
    sites: report.sites.map((s) => ({
      name: s.name,
      id: s.id,
      line: s.line ?? null,
      bindings: s.bindings.map((b) => ({ protocol: b.protocol, bindingInformation: b.bindingInformation, port: b.port ?? null })),
      settings: Object.fromEntries(Object.entries(s.settings).map(([k, v]) => [k, { value: v.value, source: v.source, line: v.line ?? null }])),
      certificate: s.certificate ?? null,
      findings: s.findings.map((f) => ({ ruleId: f.ruleId, rule: f.rule, severity: f.severity, message: f.message, fix: f.fix ?? null, setting: f.setting, line: f.line ?? null })),
      notes: s.notes,
    })),
    counts: report.counts,
    failOn: failOn ?? null,
    failed,
  };
}
