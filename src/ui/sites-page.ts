import type { Configuration } from '../config/configuration.js';
import type { CertificateStoreFolder } from '../cert/store-folder.js';
import { auditFtpSsl } from '../audit/audit.js';
import { ftpBindings } from '../audit/bindings.js';
import { SITES_SECTION } from '../config/apphost-sections.js';
import { findingsList } from './findings-list.js';
import { html, page, pageUrl, type Html } from './html.js';

export interface SitesPageInput {
  readonly config: Configuration;
  readonly certStore: CertificateStoreFolder | undefined;
  readonly now: Date;
  readonly token: string;
  readonly nonce: string;
}

/** IIS Manager's Sites view for FTP: every site with its FTP bindings and the audit's findings. */
export function sitesPage(input: SitesPageInput): string {
  const { config, token } = input;
  const audits = new Map(auditFtpSsl(config, { now: input.now, certStore: input.certStore }).sites.map((a) => [a.name, a]));
  const rows = config
    .getSection(SITES_SECTION)
    .getCollection()
    .items()
    .map((site) => {
      const name = site.getAttribute('name').text;
      const bindings = ftpBindings(site).map((b) => html`<li><code>${b.protocol}/${b.bindingInformation}</code></li>`);
      const shown = bindings.length === 0 ? html`<span class="muted">none</span>` : html`<ul class="findings">${bindings}</ul>`;
      return html`<tr><th scope="row"><a href="${pageUrl('/ftpssl', token, { site: name })}">${name}</a></th><td>${site.getAttribute('id').text}</td><td>${shown}</td><td>${findingsList(audits.get(name), false)}</td></tr>`;
    });
  const body = html`<div class="layout"><main>
<h1>Sites</h1>
${whereFrom(config, input.certStore)}
<table>
<caption class="muted">Select a site to open its FTP SSL Settings.</caption>
<thead><tr><th scope="col">Name</th><th scope="col">ID</th><th scope="col">FTP bindings</th><th scope="col">Audit findings</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p><a href="${pageUrl('/ftpssl', token, { siteDefaults: 'true' })}">FTP SSL Settings of siteDefaults</a> <span class="muted">(the values every site inherits unless it sets its own)</span></p>
</main></div>`;
  return page({ title: 'Sites', trail: [['Sites', undefined]], body, nonce: input.nonce });
}

/** The file and the certificate folder the server was started with (shown, never taken from the page). */
export function whereFrom(config: Configuration, certStore: CertificateStoreFolder | undefined): Html {
  const certs = certStore === undefined ? html`no certificate folder (start with <code>/certstore:DIR</code> to choose and check certificates)` : html`certificates from <code>${certStore.dir}</code>`;
  return html`<p class="lead">File <code>${config.filePath}</code>; ${certs}.</p>`;
}
