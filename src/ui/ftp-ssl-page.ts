import type { Configuration } from '../config/configuration.js';
import type { CertificateInfo } from '../cert/certificate.js';
import { validityAt } from '../cert/certificate.js';
import { isoDate } from '../cert/describe.js';
import type { CertificateStoreFolder } from '../cert/store-folder.js';
import { presetOf } from '../audit/policy-words.js';
import { readFtpSslSettings, type FtpSslSettings, type Setting } from '../audit/settings.js';
import type { ApplyOutcome } from './apply-from-page.js';
import { fileVersion, targetElement, targetLabel, type PageTarget } from './config-source.js';
import { certificateValue, CURRENT_CERTIFICATE, NO_CERTIFICATE } from './ftp-ssl-choices.js';
import { html, page, pageUrl, raw, type Html } from './html.js';
import { outcomeNotice } from './outcome-notice.js';
import { whereFrom } from './sites-page.js';

export interface FtpSslPageInput {
  readonly config: Configuration;
  readonly target: PageTarget;
  readonly certStore: CertificateStoreFolder | undefined;
  readonly now: Date;
  readonly token: string;
  readonly csrf: string;
  readonly nonce: string;
  /** The result of the Apply that produced this page. */
  readonly outcome?: Exclude<ApplyOutcome, { kind: 'stale' }>;
}

/** The query that names the page's target (a site, or siteDefaults). */
export function targetParams(target: PageTarget): Record<string, string> {
  return target.kind === 'site' ? { site: target.name } : { siteDefaults: 'true' };
}

/**
 * IIS Manager's FTP SSL Settings page: the certificate list, the SSL policy with its Advanced
 * dialog, 128-bit encryption, and Apply/Cancel in the Actions pane. Every value says where it
 * comes from (this site, siteDefaults, the schema's default).
 */
export function ftpSslPage(input: FtpSslPageInput): string {
  const { config, target, token } = input;
  const s = readFtpSslSettings(targetElement(config, target));
  const label = targetLabel(target);
  const self = pageUrl('/ftpssl', token, targetParams(target));
  const preset = presetOf(s.controlChannelPolicy.value, s.dataChannelPolicy.value);
  const body = html`<div class="layout"><main>
<h1>FTP SSL Settings</h1>
<p class="lead">${target.kind === 'site' ? `Site "${label}".` : 'siteDefaults: the values every site inherits unless it sets its own.'} Specify the certificate and the SSL policy of the FTP server.</p>
${input.outcome === undefined ? html`` : outcomeNotice(input.outcome)}
<form id="ftpssl-form" method="post" action="${self}">
<input type="hidden" name="csrf" value="${input.csrf}">
<input type="hidden" name="version" value="${fileVersion(config)}">
<div class="field"><label for="cert">SSL Certificate:</label><br>
<select id="cert" name="cert" aria-describedby="cert-source">${certificateOptions(s, input.certStore, input.now)}</select>
<div id="cert-source" class="source">${sourceText('serverCertHash', s.serverCertHash, target)}; store ${s.serverCertStoreName.value}: ${sourceText('serverCertStoreName', s.serverCertStoreName, target)}</div></div>
<fieldset><legend>SSL Policy</legend>
${radio('policy', 'Allow', 'Allow SSL connections', preset)}
${radio('policy', 'Require', 'Require SSL connections', preset)}
${radio('policy', 'Custom', 'Custom', preset)}
<p><button type="button" class="inline-button" id="advanced-button" aria-haspopup="dialog" aria-controls="advanced"${raw(preset === 'Custom' ? '' : ' disabled')}>Advanced...</button></p>
<p class="source" id="channels">Control channel ${s.controlChannelPolicy.value} (${sourceText('controlChannelPolicy', s.controlChannelPolicy, target)}); data channel ${s.dataChannelPolicy.value} (${sourceText('dataChannelPolicy', s.dataChannelPolicy, target)}).</p>
</fieldset>
<div class="field"><input type="checkbox" id="ssl128" name="ssl128" value="true" aria-describedby="ssl128-source"${raw(s.ssl128.value === 'true' ? ' checked' : '')}> <label for="ssl128">Use 128-bit encryption for SSL connections</label>
<span id="ssl128-source" class="source">${sourceText('ssl128', s.ssl128, target)}</span></div>
${advancedDialog(s)}
</form>
${certificateTable(input.certStore, s, input.now)}
${whereFrom(config, input.certStore)}
</main>
<aside class="actions" aria-label="Actions"><h2>Actions</h2>
<button type="submit" form="ftpssl-form" id="apply">Apply</button>
<a class="action" id="cancel" href="${self}">Cancel</a>
<a class="action" href="${pageUrl('/', token)}">Back to Sites</a>
</aside></div>`;
  return page({ title: `FTP SSL Settings - ${label}`, trail: [['Sites', pageUrl('/', token)], [label, undefined], ['FTP SSL Settings', undefined]], body, nonce: input.nonce, script: SCRIPT });
}

function radio(name: string, value: string, text: string, checked: string): Html {
  const id = `${name}-${value}`;
  return html`<label class="choice" for="${id}"><input type="radio" id="${id}" name="${name}" value="${value}"${raw(value === checked ? ' checked' : '')}> ${text}</label>`;
}

/** IIS Manager's "Advanced SSL Policy" dialog; its radios belong to the form, so no script is needed to submit them. */
function advancedDialog(s: FtpSslSettings): Html {
  const control = s.controlChannelPolicy.value;
  const data = s.dataChannelPolicy.value;
  return html`<dialog id="advanced" aria-labelledby="advanced-title">
<h2 id="advanced-title">Advanced SSL Policy</h2>
<div class="dialog-body">
<fieldset><legend>Control Channel:</legend>
${radio('control', 'SslAllow', 'Allow', control)}
${radio('control', 'SslRequire', 'Require', control)}
${radio('control', 'SslRequireCredentialsOnly', 'Require only for credentials', control)}
</fieldset>
<fieldset><legend>Data Channel:</legend>
${radio('data', 'SslAllow', 'Allow', data)}
${radio('data', 'SslRequire', 'Require', data)}
${radio('data', 'SslDeny', 'Deny', data)}
</fieldset>
<div class="dialog-buttons"><button type="button" id="advanced-ok">OK</button><button type="button" id="advanced-cancel">Cancel</button></div>
</div>
</dialog>`;
}

function certificateOptions(s: FtpSslSettings, folder: CertificateStoreFolder | undefined, now: Date): Html[] {
  const hash = s.serverCertHash.value.toUpperCase();
  const store = s.serverCertStoreName.value.toLowerCase();
  const certs = folder?.all() ?? [];
  // The same thumbprint may be in two stores: the one serverCertStoreName names is the current one.
  const current = certs.find((c) => c.thumbprint === hash && c.store.toLowerCase() === store) ?? certs.find((c) => c.thumbprint === hash);
  const options = [html`<option value="${NO_CERTIFICATE}"${raw(hash === '' ? ' selected' : '')}>Not Selected</option>`];
  if (hash !== '' && current === undefined) {
    const why = folder === undefined ? 'no certificate folder given' : 'not in the certificate folder';
    options.push(html`<option value="${CURRENT_CERTIFICATE}" selected>${s.serverCertHash.value} (${why})</option>`);
  }
  for (const c of certs) {
    options.push(html`<option value="${certificateValue(c.store, c.thumbprint)}"${raw(c === current ? ' selected' : '')}>${certificateText(c, now)}</option>`);
  }
  return options;
}

function certificateText(c: CertificateInfo, now: Date): string {
  const validity = validityAt(c, now);
  const mark = validity === 'expired' ? ' [EXPIRED]' : validity === 'notYetValid' ? ' [NOT YET VALID]' : '';
  return `${c.subject || c.thumbprint} - expires ${isoDate(c.notAfter).slice(0, 10)} - store ${c.store}${mark}`;
}

/** The certificates of the folder, as the Server Certificates view lists them; expired ones marked. */
function certificateTable(folder: CertificateStoreFolder | undefined, s: FtpSslSettings, now: Date): Html {
  if (folder === undefined) return html``;
  const rows = folder.all().map((c) => {
    const validity = validityAt(c, now);
    const state = validity === 'expired' ? html`<span class="expired">Expired</span>` : validity === 'notYetValid' ? html`<span class="expired">Not yet valid</span>` : html`Valid`;
    const inUse = c.thumbprint === s.serverCertHash.value.toUpperCase() ? html` <span class="muted">(selected)</span>` : html``;
    return html`<tr><td>${c.subject}${inUse}</td><td>${isoDate(c.notAfter)}</td><td>${state}</td><td>${c.store}</td><td><code>${c.thumbprint}</code></td><td>${c.hasPrivateKey ? 'yes' : 'no'}</td></tr>`;
  });
  return html`<h2 id="certificates">Certificates in the folder</h2>
<table aria-labelledby="certificates"><thead><tr><th scope="col">Issued to</th><th scope="col">Expires</th><th scope="col">Validity</th><th scope="col">Store</th><th scope="col">Thumbprint</th><th scope="col">Private key</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Where an effective value comes from, with the line of the attribute that supplies it. */
function sourceText(name: string, setting: Setting, target: PageTarget): string {
  const at = setting.line === undefined ? '' : `, line ${setting.line}`;
  switch (setting.source) {
    case 'explicit':
      return `${name} set ${target.kind === 'site' ? 'on this site' : 'in siteDefaults'}${at}`;
    case 'defaultElement':
      return `${name} from siteDefaults${at}`;
    case 'inherited':
      return `${name} inherited from a parent level${at}`;
    case 'schemaDefault':
      return `${name} is the schema default`;
    case 'none':
      return `${name} not set`;
  }
}

// The Advanced button opens the dialog only for Custom (as in IIS Manager); Allow and Require show
// their channel values in it; Cancel and Escape put back what the dialog showed when opened.
const SCRIPT = `(() => {
const form = document.getElementById('ftpssl-form');
const dialog = document.getElementById('advanced');
const button = document.getElementById('advanced-button');
const checked = (name) => form.querySelector('input[name="' + name + '"]:checked').value;
const check = (name, value) => { form.querySelector('input[name="' + name + '"][value="' + value + '"]').checked = true; };
const sync = () => {
  const policy = checked('policy');
  button.disabled = policy !== 'Custom';
  if (policy === 'Allow') { check('control', 'SslAllow'); check('data', 'SslAllow'); }
  if (policy === 'Require') { check('control', 'SslRequire'); check('data', 'SslRequire'); }
};
let saved = null;
const restore = () => { if (saved !== null) { check('control', saved[0]); check('data', saved[1]); } };
for (const r of form.querySelectorAll('input[name="policy"]')) r.addEventListener('change', sync);
button.addEventListener('click', () => { saved = [checked('control'), checked('data')]; dialog.showModal(); });
document.getElementById('advanced-ok').addEventListener('click', () => dialog.close());
document.getElementById('advanced-cancel').addEventListener('click', () => { restore(); dialog.close(); });
dialog.addEventListener('cancel', restore);
sync();
})();`;
