import type { Prng } from './prng.js';

/**
 * Random command lines from appcmd's grammar: mostly near-valid (real verbs, sections, paths and
 * values, slightly wrong), some pure garbage. The file is always given last with
 * --apphostconfig=, which wins over anything the generator produced, so a case only ever
 * touches its own file.
 */
const COMMANDS: readonly (readonly [string, string])[] = [
  ['set', 'config'],
  ['set', 'config'],
  ['set', 'config'],
  ['list', 'config'],
  ['clear', 'config'],
  ['lock', 'config'],
  ['unlock', 'config'],
  ['search', 'config'],
  ['set', 'ftpssl'],
  ['list', 'ftpssl'],
  ['audit', 'ftpssl'],
];
const VERBS = ['list', 'set', 'clear', 'lock', 'unlock', 'search', 'audit', 'add', 'delete', 'LIST', 'Set', 'frobnicate'];
const OBJECTS = ['config', 'configs', 'CONFIG', 'ftpssl', 'cert', 'site', 'apppool', 'x'];
const SECTIONS = ['sites', 'system.applicationHost/sites', 'SITES', 'applicationPools', 'webLimits', 'firewallSupport', 'system.ftpServer/security/authorization', 'security/authorization', 'system.applicationHost', 'system.webServer/security/authentication/anonymousAuthentication', '?', '', 'nope', 'sites/'];
const STEPS = ['ftpServer', 'security', 'ssl', 'authentication', 'anonymousAuthentication', 'basicAuthentication', 'userIsolation', 'activeDirectory', 'connections', 'limits', 'logFile', 'bindings', 'application', 'virtualDirectory', 'siteDefaults', 'applicationDefaults', 'x', '', 'FTPSERVER'];
const ATTRIBUTES = ['controlChannelPolicy', 'dataChannelPolicy', 'serverCertHash', 'serverCertStoreName', 'ssl128', 'serverAutoStart', 'id', 'name', 'maxConnections', 'password', 'adPassword', 'userName', 'physicalPath', 'enabled', 'mode', 'logFormat', 'period', 'unknownAttr'];
const VALUES = ['SslRequire', 'SslAllow', 'sslrequire', 'SslRequireCredentialsOnly', 'Foo', 'true', 'false', 'True', '1', '0', '-1', '4294967295', '4294967296', '', ' ', "a'b", "''", '[enc:AesProvider:abc=:enc]', '[enc:x:********:enc]', 'hunter2', '‎6DD48DB191B6B4666F6042A04463C78D9B0878A4', '6d:d4:8d', '00:02:00', '1.00:00:00', 'é€😀', 'a"b', '%windir%', 'x'.repeat(5000)];
const INDEXERS = ["[name='ftp.example.com']", "[name='Default Web Site']", "[name='ftp.intranet']", "[id='2']", "[name='nope']", '[@start]', '[@end]', '[@1]', '[@99]', "[name='a',id='1']", "[name='x]", '[name=x]', "[name='it''s']", '[]', "[path='/']", "[protocol='ftp',bindingInformation='*:21:']"];
const FLAGS = ['/commit:apphost', '/commit:MACHINE/WEBROOT/APPHOST', '/commit:webroot', '/commit:', '/config:*', '/config', '/text:*', '/text:name', '/xml', '--json', '--dry-run', '/locktimeout:0', '/locktimeout:x', '--lock-timeout=0.01', '/?', '-?', '--help', '--show-secrets', '--allow-plaintext-secrets', '/!debug:x', '/debug', '--no-color', '--frob', '/schemadir:/nonexistent', '/in', '/metadata'];
const IDENTIFIERS = ['MACHINE/WEBROOT/APPHOST', 'MACHINE/WEBROOT/APPHOST/', 'Default Web Site', 'ftp.example.com', 'Default Web Site/app', 'MACHINE/WEBROOT', '', '-', 'x'.repeat(300)];
const GARBAGE_CHARS = ['/', '-', '+', ':', '[', ']', "'", '"', '.', ',', '=', '@', '*', '?', '!', ' ', '\\', 'a', 'Z', '0', 'é', '😀', '\u0000', '\u200e', '\t'];

function garbage(rng: Prng): string {
  let s = '';
  const n = rng.int(24);
  for (let i = 0; i < n; i++) s += rng.pick(GARBAGE_CHARS);
  return s;
}

function propertyPath(rng: Prng): string {
  const parts: string[] = [];
  if (rng.chance(0.7)) parts.push(rng.pick(INDEXERS));
  const steps = rng.int(5);
  for (let i = 0; i < steps; i++) parts.push(rng.chance(0.15) ? rng.pick(INDEXERS) : rng.pick(STEPS));
  parts.push(rng.pick(ATTRIBUTES));
  let path = parts.join('.').replace('.[', rng.chance(0.5) ? '.[' : '[');
  if (rng.chance(0.05)) path = path.replace(/\./, '..');
  return path;
}

function property(rng: Prng): string {
  switch (rng.int(6)) {
    case 0:
      return `/+${rng.pick(INDEXERS)}`;
    case 1:
      return `/-${rng.pick(INDEXERS)}`;
    case 2:
      return `/+${rng.pick(STEPS)}.${rng.pick(INDEXERS)}`;
    case 3:
      return `/${propertyPath(rng)}`;
    default:
      return `${rng.chance(0.9) ? '/' : rng.pick(['-', '', '//'])}${propertyPath(rng)}:${rng.pick(VALUES)}`;
  }
}

export function commandLine(rng: Prng): string[] {
  if (rng.chance(0.05)) return Array.from({ length: rng.int(6) }, () => garbage(rng));
  const argv: string[] = [];
  if (rng.chance(0.85)) argv.push(...rng.pick(COMMANDS));
  else {
    if (rng.chance(0.97)) argv.push(rng.pick(VERBS));
    if (rng.chance(0.95)) argv.push(rng.pick(OBJECTS));
  }
  if (rng.chance(0.15)) argv.push(rng.pick(IDENTIFIERS));
  if (rng.chance(0.9)) argv.push(`${rng.pick(['-', '/'])}section:${rng.chance(0.7) ? 'sites' : rng.pick(SECTIONS)}`);
  const n = (argv[0] === 'set' ? 1 : 0) + rng.int(4);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    argv.push(r < 0.7 ? property(rng) : r < 0.93 ? rng.pick(FLAGS) : garbage(rng));
  }
  // Shuffle a little: appcmd accepts switches in any order.
  if (rng.chance(0.2) && argv.length > 2) {
    const i = rng.int(argv.length);
    const j = rng.int(argv.length);
    [argv[i], argv[j]] = [argv[j] ?? '', argv[i] ?? ''];
  }
  return argv;
}

/** A sensible command for a damaged file: what users run most, so the damage is actually read. */
export function commandForFile(rng: Prng, firstSite: string | undefined): string[] {
  const site = (firstSite ?? 'Default Web Site').replace(/'/g, "''");
  return rng.pick([
    ['list', 'config', '-section:sites'],
    ['list', 'config'],
    ['list', 'config', '-section:sites', '/config:*'],
    ['set', 'config', '-section:system.applicationHost/sites', `/[name='${site}'].ftpServer.security.ssl.controlChannelPolicy:SslRequire`, '/commit:apphost'],
    ['set', 'config', '-section:sites', `/[name='${site}'].serverAutoStart:false`, `/[name='${site}'].ftpServer.security.ssl.ssl128:true`],
    ['set', 'config', '-section:sites', '/siteDefaults.ftpServer.security.ssl.controlChannelPolicy:SslRequire'],
    ['set', 'config', '-section:sites', `/+[name='fuzz-added',id='987654']`],
    ['clear', 'config', '-section:sites', `/[name='${site}'].serverAutoStart`],
    ['set', 'ftpssl', site, '/policy:Require', '--dry-run'],
    ['list', 'ftpssl'],
    ['search', 'config', '-section:sites'],
  ]);
}
