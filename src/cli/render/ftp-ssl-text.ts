import type { SettingChange } from '../../audit/apply-ssl-settings.js';
import { presetOf } from '../../audit/policy-words.js';
import type { FtpSslSettings, Setting } from '../../audit/settings.js';

/** `FTPSSL object "x" changed` and one "  attribute: before -> after" line per change (appcmd's set wording, plus what changed). */
export function renderFtpSslChange(name: string, changes: readonly SettingChange[]): string[] {
  if (changes.length === 0) return [`FTPSSL object "${name}" unchanged`];
  return [`FTPSSL object "${name}" changed`, ...changes.map((c) => `  ${c.attribute}: ${shown(c.before)}${c.inherited ? ' (from siteDefaults)' : ''} -> ${shown(c.after)}`)];
}

function shown(v: string): string {
  return v === '' ? '(none)' : v;
}

/** FTPSSL "x" (policy:Custom,control:SslRequireCredentialsOnly,data:SslRequire,cert:9C6E…,store:My,ssl128:true) */
export function renderFtpSslLine(name: string, s: FtpSslSettings): string {
  const parts = [
    `policy:${presetOf(s.controlChannelPolicy.value, s.dataChannelPolicy.value)}`,
    `control:${s.controlChannelPolicy.value}`,
    `data:${s.dataChannelPolicy.value}`,
    `cert:${shown(s.serverCertHash.value)}`,
    `store:${s.serverCertStoreName.value}`,
    `ssl128:${s.ssl128.value}`,
  ];
  return `FTPSSL "${name}" (${parts.join(',')})`;
}

const SOURCE: Readonly<Record<Setting['source'], string>> = { explicit: 'set here', inherited: 'inherited from a parent level', defaultElement: 'from siteDefaults', schemaDefault: 'default', none: 'not set' };

/** /text:*: every setting with where its value comes from. */
export function renderFtpSslDetail(name: string, s: FtpSslSettings): string {
  const rows = Object.entries(s) as [string, Setting][];
  return [`FTPSSL "${name}"`, `  policy: ${presetOf(s.controlChannelPolicy.value, s.dataChannelPolicy.value)}`, ...rows.map(([k, v]) => `  ${k}: ${shown(v.value)} (${SOURCE[v.source]})`)].join('\n');
}

export function ftpSslJson(view: { name: string; settings: FtpSslSettings }): unknown {
  const s = view.settings;
  return {
    name: view.name,
    policy: presetOf(s.controlChannelPolicy.value, s.dataChannelPolicy.value),
    settings: Object.fromEntries(Object.entries(s).map(([k, v]: [string, Setting]) => [k, { value: v.value, source: v.source }])),
  };
}
