import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import type { ConfigurationElement } from '../../config/element.js';
import { applyFtpSslSettings, type FtpSslRequest } from '../../audit/apply-ssl-settings.js';
import { parseControlPolicy, parseDataPolicy, parsePreset } from '../../audit/policy-words.js';
import { readFtpSslSettings } from '../../audit/settings.js';
import { isFtpSite, siteNotFound } from '../../audit/sites.js';
import { SITES_SECTION } from '../../config/apphost-sections.js';
import { ftpSslJson, renderFtpSslChange, renderFtpSslDetail, renderFtpSslLine } from '../render/ftp-ssl-text.js';
import { CERT_FOLDER_SWITCHES, folderProblemLines, forced, openCertFolder } from './cert-folder.js';
import { CommandSwitches } from './command-switches.js';
import { completeWrite } from './commit.js';
import type { CommandContext } from './context.js';
import { openConfiguration } from './open.js';

const SET_SWITCHES = {
  ...CERT_FOLDER_SWITCHES,
  policy: 'value',
  control: 'value',
  data: 'value',
  cert: 'value',
  store: 'value',
  ssl128: 'value',
  force: 'flag',
  siteDefaults: 'flag',
} as const;

/**
 * `appcmd set ftpssl "SITE" | /siteDefaults [/policy:Allow|Require|Custom] [/control:…] [/data:…]
 *  [/cert:THUMBPRINT|"CN=…"|none] [/store:NAME] [/ssl128:true|false] [/certstore:DIR] [/force]`
 * — IIS Manager's FTP SSL Settings page as one validated, atomic command (docs/ftp-ssl.md).
 */
export function setFtpSsl(ctx: CommandContext, now: Date = new Date()): number {
  const switches = new CommandSwitches('set ftpssl', ctx.properties, SET_SWITCHES);
  const request = requestFrom(switches);
  const certStore = openCertFolder(switches, ctx);
  if (certStore !== undefined) for (const line of folderProblemLines(certStore)) ctx.io.stderr(line);
  const opened = openConfiguration(ctx);
  const { label, element, configPath } = target(ctx, switches, opened.config);
  opened.manager.checkApplicationHostCommit(SITES_SECTION, configPath, ctx.options.commit);
  const result = applyFtpSslSettings(element, request, { now, certStore, force: forced(switches, ctx) });
  return completeWrite(ctx, opened, { lines: renderFtpSslChange(label, result.changes), json: { object: 'FTPSSL', name: label, changes: result.changes }, notes: result.messages });
}

/** `appcmd list ftpssl ["SITE" | /siteDefaults]` — the effective FTP SSL settings of every FTP site. */
export function listFtpSsl(ctx: CommandContext): number {
  const switches = new CommandSwitches('list ftpssl', ctx.properties, { siteDefaults: 'flag' });
  const { config } = openConfiguration(ctx);
  const sites = config.getSection(SITES_SECTION).getCollection();
  let targets: { label: string; element: ConfigurationElement }[];
  if (switches.flag('siteDefaults') || ctx.identifier !== undefined) targets = [target(ctx, switches, config)];
  else targets = sites.items().filter(isFtpSite).map((s) => ({ label: s.getAttribute('name').text, element: s }));
  const views = targets.map((t) => ({ name: t.label, settings: readFtpSslSettings(t.element) }));
  if (ctx.options.json) ctx.io.stdout(JSON.stringify(views.map(ftpSslJson), null, 2) + '\n');
  else if (views.length > 0) ctx.io.stdout(views.map((v) => (ctx.options.text === '*' ? renderFtpSslDetail(v.name, v.settings) : renderFtpSslLine(v.name, v.settings))).join('\n') + '\n');
  return 0;
}

function requestFrom(s: CommandSwitches): FtpSslRequest {
  const policy = s.value('policy');
  const control = s.value('control');
  const data = s.value('data');
  const cert = s.value('cert');
  const ssl128 = s.value('ssl128');
  return {
    policy: policy === undefined ? (control !== undefined || data !== undefined ? 'Custom' : undefined) : parsePreset(policy),
    control: control === undefined ? undefined : parseControlPolicy(control),
    data: data === undefined ? undefined : parseDataPolicy(data),
    cert: cert === undefined ? (s.has('cert') ? null : undefined) : cert.trim() === '' || cert.trim().toLowerCase() === 'none' ? null : cert,
    store: s.value('store'),
    ssl128: ssl128 === undefined ? undefined : parseBool(ssl128),
  };
}

function parseBool(v: string): boolean {
  const t = v.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new AppcmdError('VALUE_INVALID', `Invalid /ssl128 value "${v}": use true or false.`);
}

/** The element edited, its name for the output, and the configuration path it configures ("" for siteDefaults). */
function target(ctx: CommandContext, switches: CommandSwitches, config: Configuration): { label: string; element: ConfigurationElement; configPath: string } {
  const sites = config.getSection(SITES_SECTION).getCollection();
  const defaults = switches.flag('siteDefaults');
  if (defaults && ctx.identifier !== undefined) throw new AppcmdError('BAD_ARGUMENT', `Give either a site name ("${ctx.identifier}") or /siteDefaults, not both.`);
  if (defaults) {
    const element = sites.defaultElement;
    if (element === undefined) throw new AppcmdError('UNKNOWN_ELEMENT', 'The schema of the sites section has no siteDefaults element.');
    return { label: 'siteDefaults', element, configPath: '' };
  }
  if (ctx.identifier === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `${ctx.verb} ftpssl needs a site name, or /siteDefaults for the defaults of every site.`, { hints: ['Example: appcmd set ftpssl "ftp.example.com" /policy:Require /cert:"CN=ftp.example.com" /certstore:certs'] });
  }
  const site = sites.find({ name: ctx.identifier });
  if (site === undefined) throw siteNotFound(ctx.identifier, sites.items());
  if (!isFtpSite(site)) ctx.io.stderr(`Note: site "${ctx.identifier}" has no ftp binding; its FTP settings apply once one is added.\n`);
  return { label: ctx.identifier, element: site, configPath: ctx.identifier };
}
