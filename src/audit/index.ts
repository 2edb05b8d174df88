/** The FTP-over-SSL audit: effective settings, findings with severity and fix, SARIF. */
export { auditFtpSsl, worstSeverity, type AuditOptions, type AuditReport, type SiteAudit, type LocatedFinding, type CertificateSummary } from './audit.js';
export { ALL_RULES, RULES, type AuditRule } from './rules.js';
export { toSarif, artifactUri, SARIF_SCHEMA_URI, type SarifLog, type SarifOptions } from './sarif.js';
export { parseFailOn, atLeast, SEVERITIES, type Severity } from './severity.js';
export { readFtpSslSettings, sslElement, SETTING_PATHS, type FtpSslSettings, type Setting } from './settings.js';
export { ftpBindings, portOf, IMPLICIT_FTPS_PORT, type FtpBinding } from './bindings.js';
export { isFtpSite, sitesToAudit } from './sites.js';
export { applyFtpSslSettings, type FtpSslRequest, type ApplyOptions, type ApplyResult, type SettingChange } from './apply-ssl-settings.js';
export { parsePreset, parseControlPolicy, parseDataPolicy, presetOf, type ControlPolicy, type DataPolicy, type PolicyPreset } from './policy-words.js';
export { checkSslElementCertificate, CERTIFICATE_ATTRIBUTES, type SslElementCheck } from './check-ssl-element.js';
