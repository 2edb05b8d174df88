import type { SiteAudit } from '../audit/audit.js';
import { html, type Html } from './html.js';

/** A site's audit findings, most severe first, each with its severity, text and fix command. */
export function findingsList(audit: SiteAudit | undefined, withFix: boolean): Html {
  if (audit === undefined) return html`<span class="muted">not audited (no FTP binding)</span>`;
  if (audit.findings.length === 0) return html`<span class="muted">no findings</span>`;
  const items = audit.findings.map((f) => {
    const fix = withFix && f.fix !== undefined ? html`<br><span class="fix">${f.fix}</span>` : html``;
    return html`<li><span class="badge sev-${f.severity}">${f.severity}</span> <strong>${f.ruleId} ${f.rule}</strong>: ${f.message}${fix}</li>`;
  });
  return html`<ul class="findings">${items}</ul>`;
}
