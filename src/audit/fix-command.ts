/**
 * Fix commands printed with findings. The FTP SSL settings use this tool's `set ftpssl` (one
 * validated, atomic command per page of IIS Manager); attributes outside that page use the
 * `set config` form that real appcmd.exe also accepts. The whole switch is quoted, which is what
 * keeps site names with spaces working in cmd, PowerShell and POSIX shells alike.
 */

export function ftpSslFix(site: string, ...switches: string[]): string {
  return [`appcmd set ftpssl ${quote(site)}`, ...switches].join(' ');
}

export function setConfigFix(site: string, propertyPath: string, value: string): string {
  const indexer = `[name='${site.replace(/'/g, "''")}']`;
  return `appcmd set config -section:system.applicationHost/sites "/${indexer}.${propertyPath}:${value}" /commit:apphost`;
}

/** A /cert: value for a certificate: its common name, which selects the renewed one too. */
export function certSwitch(subjectOrThumbprint: string): string {
  return `/cert:${quote(subjectOrThumbprint)}`;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '\\"')}"`;
}
