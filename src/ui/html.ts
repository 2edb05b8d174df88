/**
 * HTML building for the pages: every dynamic text goes through esc(), so a site name such as
 * `<script>` is shown, never run. The style sheet is inline (no external assets: the pages work
 * offline and the Content-Security-Policy can allow nothing but this nonce).
 */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A trusted HTML fragment: built only from esc()ed text and the pages' own markup. */
export interface Html {
  readonly html: string;
}

export function raw(html: string): Html {
  return { html };
}

/** Tagged template: interpolated strings are escaped, Html fragments (and arrays of them) are not. */
export function html(strings: TemplateStringsArray, ...values: readonly (string | number | Html | readonly Html[])[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    if (typeof v === 'string') out += esc(v);
    else if (typeof v === 'number') out += String(v);
    else if (Array.isArray(v)) out += (v as readonly Html[]).map((h) => h.html).join('');
    else out += (v as Html).html;
    out += strings[i + 1] ?? '';
  });
  return { html: out };
}

export interface PageShell {
  readonly title: string;
  /** Breadcrumb trail, IIS Manager's address bar: [label, href] pairs, the last one the page itself. */
  readonly trail: readonly (readonly [string, string | undefined])[];
  readonly body: Html;
  /** The per-response nonce the Content-Security-Policy allows for the inline style and script. */
  readonly nonce: string;
  readonly script?: string;
}

export function page(shell: PageShell): string {
  const crumbs = shell.trail.map(([label, href], i) => {
    const last = i === shell.trail.length - 1;
    const item = href === undefined || last ? html`<span${raw(last ? ' aria-current="page"' : '')}>${label}</span>` : html`<a href="${href}">${label}</a>`;
    return html`<li>${item}</li>`;
  });
  const script = shell.script === undefined ? '' : `<script nonce="${esc(shell.nonce)}">${shell.script}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${esc(shell.title)} - appcmd ui</title>
<style nonce="${esc(shell.nonce)}">${STYLE}</style>
</head>
<body>
<header class="bar"><span class="app">appcmd ui</span><nav aria-label="Breadcrumb"><ol class="trail">${crumbs.map((c) => c.html).join('')}</ol></nav></header>
${shell.body.html}
${script}
</body>
</html>
`;
}

// Segoe UI and the greys and blues of IIS Manager, with system fallbacks (no web fonts).
const STYLE = `
:root{--blue:#0063b1;--line:#c8c8c8;--pane:#f3f3f3;--muted:#595959;--high:#a80000;--medium:#8a4b00;--low:#3b5a00}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 "Segoe UI",system-ui,-apple-system,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff}
.bar{display:flex;gap:1.5em;align-items:center;padding:.4em 1em;background:#1f1f1f;color:#fff}
.bar .app{font-weight:600}
.trail{display:flex;list-style:none;margin:0;padding:0;gap:.4em;flex-wrap:wrap}
.trail li+li::before{content:"\\203A";margin-right:.4em;color:#aaa}
.trail a{color:#9cd0ff}
main{padding:1em 1.5em;min-width:0}
h1{font-size:1.6em;font-weight:400;margin:.2em 0 .3em}
h2{font-size:1.15em;font-weight:600;margin:1.2em 0 .4em}
.lead{color:var(--muted);margin:0 0 1em}
a{color:var(--blue)}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.4em .6em;text-align:left;vertical-align:top}
th{background:var(--pane);font-weight:600}
.layout{display:flex;align-items:stretch;min-height:calc(100vh - 2.4em)}
.layout main{flex:1}
.actions{width:15em;border-left:1px solid var(--line);background:var(--pane);padding:.8em 1em}
.actions h2{margin-top:0;font-size:1em;border-bottom:1px solid var(--line);padding-bottom:.3em}
.actions button,.actions a.action{display:block;width:100%;text-align:left;margin:.3em 0;padding:.35em .6em;font:inherit;border:1px solid transparent;background:none;color:var(--blue);cursor:pointer;text-decoration:none}
.actions button:hover,.actions a.action:hover,.actions button:focus-visible,.actions a.action:focus-visible{border-color:var(--blue);background:#e5f1fb}
fieldset{border:1px solid var(--line);margin:1em 0;padding:.6em 1em;max-width:44em}
legend{padding:0 .3em;font-weight:600}
.field{margin:.5em 0}
.choice{display:block;margin:.25em 0}
select{font:inherit;padding:.25em;max-width:100%;min-width:28em}
button{font:inherit}
.dialog-buttons button,.inline-button{padding:.25em 1.2em;border:1px solid #adadad;background:#e1e1e1;border-radius:2px}
.dialog-buttons{text-align:right;margin-top:.8em}
.dialog-buttons button{margin-left:.5em}
.source{color:var(--muted);font-size:.9em;margin-left:.4em}
.badge{display:inline-block;padding:0 .4em;border-radius:2px;font-size:.85em;font-weight:600;color:#fff}
.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
.findings{margin:.2em 0;padding-left:1.1em}
.findings li{margin:.15em 0}
.fix{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:.85em;color:var(--muted)}
.expired{color:var(--high);font-weight:600}
.notice{border:1px solid var(--line);border-left:4px solid var(--blue);padding:.6em 1em;margin:0 0 1em;background:#f7fbff;max-width:60em}
.notice.error{border-left-color:var(--high);background:#fdf3f3}
pre.diff{background:#f7f7f7;border:1px solid var(--line);padding:.6em;white-space:pre-wrap;overflow-wrap:anywhere;font:12.5px/1.4 Consolas,"DejaVu Sans Mono",monospace}
.diff .add{color:#0a5d00;background:#e6ffec}.diff .del{color:#a80000;background:#ffebe9}
dialog{border:1px solid #707070;padding:0;box-shadow:0 6px 24px rgba(0,0,0,.3)}
dialog h2{margin:0;padding:.5em 1em;background:var(--pane);font-weight:400;border-bottom:1px solid var(--line)}
dialog .dialog-body{padding:.6em 1.2em 1em}
dialog fieldset{min-width:22em}
:focus-visible{outline:2px solid var(--blue);outline-offset:1px}
.muted{color:var(--muted)}
code{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
`;

/** A link to one of our pages: the token goes on every URL, since every request needs it. */
export function pageUrl(path: string, token: string, params: Readonly<Record<string, string>> = {}): string {
  const q = new URLSearchParams({ ...params, token });
  return `${path}?${q.toString()}`;
}
