import type { ApplyOutcome } from './apply-from-page.js';
import { findingsList } from './findings-list.js';
import { html, page, type Html } from './html.js';

/** What an Apply did: the settings changed, the diff that was written, the audit of the result; or why nothing was written. */
export function outcomeNotice(outcome: Exclude<ApplyOutcome, { kind: 'stale' }>): Html {
  if (outcome.kind === 'refused') {
    const e = outcome.error;
    return html`<div class="notice error" role="alert" id="outcome"><p><strong>Not applied:</strong> ${e.message}</p>${lines(e.hints)}<p>Nothing was written.</p></div>`;
  }
  if (outcome.kind === 'unchanged') {
    return html`<div class="notice" role="status" id="outcome"><p>Nothing to apply: the file already has these values.</p>${lines(outcome.messages)}</div>`;
  }
  const changes = outcome.changes.map((c) => html`<li><code>${c.attribute}</code>: ${shown(c.before)}${c.inherited ? ' (from siteDefaults)' : ''} &rarr; ${shown(c.after)}</li>`);
  const audits = outcome.audit.map((a) => html`<h3>${a.name}</h3>${findingsList(a, true)}`);
  return html`<div class="notice" role="status" id="outcome">
<p><strong>Applied.</strong> The file was written (${outcome.changes.length === 1 ? '1 setting' : `${outcome.changes.length} settings`}):</p>
<ul>${changes}</ul>
${lines(outcome.messages)}
<h2>What was written</h2>
<pre class="diff" id="diff">${diffLines(outcome.diff)}</pre>
<h2>Audit of the result</h2>
<div id="audit">${audits}</div>
</div>`;
}

function lines(texts: readonly string[]): Html {
  return texts.length === 0 ? html`` : html`<ul>${texts.map((t) => html`<li>${t}</li>`)}</ul>`;
}

function shown(v: string): string {
  return v === '' ? '(none)' : v;
}

/** The diff's lines marked for colour; a CRLF file's carriage returns would show as extra breaks. */
function diffLines(diff: string): Html[] {
  return diff.split(/\r?\n/).map((l, i, all) => {
    const end = i === all.length - 1 ? '' : '\n';
    if (l.startsWith('+') && !l.startsWith('+++')) return html`<span class="add">${l}</span>${end}`;
    if (l.startsWith('-') && !l.startsWith('---')) return html`<span class="del">${l}</span>${end}`;
    return html`${l}${end}`;
  });
}

/** The answer to an Apply from a page whose file has changed since: nothing written, reload offered. */
export function stalePage(file: string, label: string, reloadUrl: string, nonce: string): string {
  const body = html`<div class="layout"><main>
<h1>FTP SSL Settings</h1>
<div class="notice error" role="alert" id="outcome"><p><strong>Not applied:</strong> <code>${file}</code> changed on disk since this page was loaded (another tab, another appcmd command or an editor wrote it). Nothing was written.</p>
<p><a id="reload" href="${reloadUrl}">Reload the page</a> to see the file as it is now, then make your changes again.</p></div>
</main></div>`;
  return page({ title: `FTP SSL Settings - ${label}`, trail: [['Sites', undefined], [label, undefined], ['FTP SSL Settings', undefined]], body, nonce });
}
