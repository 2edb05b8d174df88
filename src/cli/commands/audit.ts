import { AppcmdError } from '../../errors.js';
import { auditFtpSsl } from '../../audit/audit.js';
import { toSarif } from '../../audit/sarif.js';
import { atLeast, parseFailOn, SEVERITIES } from '../../audit/severity.js';
import { auditJson } from '../render/audit-json.js';
import { renderAuditText } from '../render/audit-text.js';
import { paletteFor } from '../render/colour.js';
import { CERT_FOLDER_SWITCHES, folderProblemLines, openCertFolder } from './cert-folder.js';
import { CommandSwitches } from './command-switches.js';
import type { CommandContext } from './context.js';
import { openConfiguration } from './open.js';

/** Exit status when findings reach the /failon: threshold (no Win32 code means "audit failed"). */
const AUDIT_FAILED_EXIT = 1;

type Format = 'text' | 'json' | 'sarif';

/**
 * `appcmd audit ftpssl ["SITE"] [/certstore:DIR] [/failon:high|medium|low] [/format:text|json|sarif]`
 * — effective FTP-over-SSL settings and findings of every FTP site; exit 1 when a finding reaches /failon:.
 */
export function auditFtpSslCommand(ctx: CommandContext, now: Date = new Date()): number {
  const switches = new CommandSwitches('audit ftpssl', ctx.properties, { ...CERT_FOLDER_SWITCHES, failon: 'value', format: 'value' });
  const failOn = parseFailOn(switches.value('failon'));
  const format = formatOf(switches.value('format'), ctx.options.json);
  const certStore = openCertFolder(switches, ctx);
  if (certStore !== undefined) for (const line of folderProblemLines(certStore)) ctx.io.stderr(line);
  const { config } = openConfiguration(ctx);
  const report = auditFtpSsl(config, { now, certStore, site: ctx.identifier });
  const failing = failOn === undefined ? 0 : SEVERITIES.filter((s) => atLeast(s, failOn)).reduce((n, s) => n + report.counts[s], 0);
  const failed = failing > 0;
  if (format === 'json') ctx.io.stdout(JSON.stringify(auditJson(report, failOn, failed), null, 2) + '\n');
  else if (format === 'sarif') ctx.io.stdout(JSON.stringify(toSarif(report), null, 2) + '\n');
  else ctx.io.stdout(renderAuditText(report, paletteFor(ctx.io)));
  if (failed && failOn !== undefined) ctx.io.stderr(`Audit failed: ${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn} (/failon:${failOn}).\n`);
  return failed ? AUDIT_FAILED_EXIT : 0;
}

function formatOf(value: string | undefined, json: boolean): Format {
  if (value === undefined) return json ? 'json' : 'text';
  const v = value.trim().toLowerCase();
  if (v === 'text' || v === 'json' || v === 'sarif') {
    if (json && v !== 'json') throw new AppcmdError('BAD_ARGUMENT', `--json and /format:${v} contradict each other.`);
    return v;
  }
  throw new AppcmdError('BAD_ARGUMENT', `Invalid /format value "${value}": use text, json or sarif.`);
}
