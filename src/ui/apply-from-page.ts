import { isAppcmdError, type AppcmdError } from '../errors.js';
import { auditFtpSsl, type SiteAudit } from '../audit/audit.js';
import { applyFtpSslSettings, type SettingChange } from '../audit/apply-ssl-settings.js';
import { readFtpSslSettings } from '../audit/settings.js';
import { unifiedDiff } from '../config/commit-diff.js';
import { ServerManager } from '../config/server-manager.js';
import { basename } from 'node:path';
import { fileVersion, nowOf, openCertStore, readConfiguration, targetElement, type PageTarget, type UiConfigSource } from './config-source.js';
import { requestFor, type FtpSslChoices } from './ftp-ssl-choices.js';
import { maskSecretsInDiff } from './mask-diff.js';

export type ApplyOutcome =
  | { readonly kind: 'applied'; readonly changes: readonly SettingChange[]; readonly messages: readonly string[]; readonly diff: string; readonly audit: readonly SiteAudit[] }
  | { readonly kind: 'unchanged'; readonly messages: readonly string[] }
  /** The file is not the one the page was made from: nothing was written. */
  | { readonly kind: 'stale' }
  | { readonly kind: 'refused'; readonly error: AppcmdError };

/**
 * The page's Apply, done as `set ftpssl` does it: the writer's lock taken before reading, the
 * same checks and texts (applyFtpSslSettings), one atomic write that refuses a file changed since
 * it was read. In addition the file must still be the version the page showed.
 */
export function applyFromPage(source: UiConfigSource, target: PageTarget, version: string, choices: FtpSslChoices): ApplyOutcome {
  const manager = ServerManager.openForWriting(source.path, { ...source.open, lock: source.lockTimeoutMs === undefined ? true : { timeoutMs: source.lockTimeoutMs } });
  try {
    const config = manager.getApplicationHostConfiguration();
    if (fileVersion(config) !== version) return { kind: 'stale' };
    const element = targetElement(config, target);
    const request = requestFor(choices, readFtpSslSettings(element));
    if (request === undefined) return { kind: 'unchanged', messages: [...config.notes] };
    const now = nowOf(source);
    const certStore = openCertStore(source);
    const result = applyFtpSslSettings(element, request, { now, certStore });
    const commit = manager.commitChanges();
    const messages = [...config.notes, ...result.messages];
    if (!commit.changed) return { kind: 'unchanged', messages };
    const diff = unifiedDiff(commit, basename(source.path));
    const after = readConfiguration(source);
    const audit = auditFtpSsl(after, { now, certStore, site: target.kind === 'site' ? target.name : undefined }).sites;
    return { kind: 'applied', changes: result.changes, messages, diff: maskSecretsInDiff(diff, config.schema), audit };
  } catch (e) {
    if (isAppcmdError(e) && e.code === 'FILE_CHANGED') return { kind: 'stale' };
    if (isAppcmdError(e)) return { kind: 'refused', error: e };
    throw e;
  } finally {
    manager.close();
  }
}
