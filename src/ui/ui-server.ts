import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppcmdError, isAppcmdError } from '../errors.js';
import { applyFromPage } from './apply-from-page.js';
import { nowOf, openCertStore, readConfiguration, targetLabel, type PageTarget, type UiConfigSource } from './config-source.js';
import { readChoices } from './ftp-ssl-choices.js';
import { ftpSslPage, targetParams } from './ftp-ssl-page.js';
import { html, page, pageUrl } from './html.js';
import { stalePage } from './outcome-notice.js';
import { newSecret, refuseRequest, refuseUnknownParameters, refuseWrite, securityHeaders, type Refusal } from './security.js';
import { sitesPage } from './sites-page.js';

export interface UiServerOptions {
  readonly source: UiConfigSource;
  /** The port on 127.0.0.1; 0 (the default) takes a free one. */
  readonly port?: number;
}

export interface UiServer {
  /** The address to open, with the one-time token (as Jupyter prints it). */
  readonly url: string;
  /** http://127.0.0.1:PORT, without the token. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const PAGE_PARAMS = new Set(['token']);
const TARGET_PARAMS = new Set(['token', 'site', 'siteDefaults']);
const FORM_FIELDS = new Set(['csrf', 'version', 'cert', 'policy', 'control', 'data', 'ssl128']);
const MAX_FORM_BYTES = 64 * 1024;

/**
 * IIS Manager's FTP SSL Settings as a local web application over the library: bound to
 * 127.0.0.1 only, every request needs the token, writes need the form's CSRF secret, and the
 * browser never names a file (the source is fixed here).
 */
export function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = newSecret();
  const csrf = newSecret();
  const server = createServer((req, res) => {
    handle(req, res, { source: options.source, token, csrf, port: portOf(server) }).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error.', newSecret());
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, options.port ?? 0)));
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      const port = portOf(server);
      const origin = `http://127.0.0.1:${port}`;
      resolve({ url: `${origin}/?token=${token}`, origin, port, token, close: () => closeServer(server) });
    });
  });
}

interface Context {
  readonly source: UiConfigSource;
  readonly token: string;
  readonly csrf: string;
  readonly port: number;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const nonce = newSecret();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const refused = refuseRequest({ method, host: req.headers.host, origin: header(req, 'origin'), fetchSite: header(req, 'sec-fetch-site'), token: url.searchParams.get('token') ?? undefined }, ctx.port, ctx.token);
  if (refused !== undefined) return refuse(res, refused, nonce);
  if (method !== 'GET' && method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return refuse(res, { status: 405, message: `Method ${method} is not allowed.` }, nonce);
  }
  const route = url.pathname;
  if (route !== '/' && route !== '/ftpssl') return refuse(res, { status: 404, message: 'Not found.' }, nonce);
  if (route === '/' && method === 'POST') return refuse(res, { status: 405, message: 'Method POST is not allowed here.' }, nonce);
  const unknown = refuseUnknownParameters(url.searchParams, route === '/' ? PAGE_PARAMS : TARGET_PARAMS);
  if (unknown !== undefined) return refuse(res, unknown, nonce);
  try {
    if (route === '/') return sendPage(res, 200, sitesPage({ config: readConfiguration(ctx.source), certStore: openCertStore(ctx.source), now: nowOf(ctx.source), token: ctx.token, nonce }), nonce);
    const target = targetOf(url.searchParams);
    if (method === 'GET') return sendPage(res, 200, settingsPage(ctx, target, nonce), nonce);
    return await apply(req, res, ctx, target, nonce);
  } catch (e) {
    if (!isAppcmdError(e)) throw e;
    return sendPage(res, statusOf(e), errorPage(e, ctx.token, nonce), nonce);
  }
}

async function apply(req: IncomingMessage, res: ServerResponse, ctx: Context, target: PageTarget, nonce: string): Promise<void> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) {
    return refuse(res, { status: 415, message: 'Send the form as application/x-www-form-urlencoded.' }, nonce);
  }
  const form = await readForm(req);
  if (form === undefined) return refuse(res, { status: 413, message: 'The form is too large.' }, nonce);
  const refused = refuseWrite(form.get('csrf') ?? undefined, ctx.csrf) ?? refuseUnknownParameters(form, FORM_FIELDS);
  if (refused !== undefined) return refuse(res, refused, nonce);
  const outcome = applyFromPage(ctx.source, target, form.get('version') ?? '', readChoices(form));
  if (outcome.kind === 'stale') {
    return sendPage(res, 409, stalePage(ctx.source.path, targetLabel(target), pageUrl('/ftpssl', ctx.token, targetParams(target)), nonce), nonce);
  }
  return sendPage(res, outcome.kind === 'refused' ? 422 : 200, settingsPage(ctx, target, nonce, outcome), nonce);
}

function settingsPage(ctx: Context, target: PageTarget, nonce: string, outcome?: Parameters<typeof ftpSslPage>[0]['outcome']): string {
  return ftpSslPage({ config: readConfiguration(ctx.source), target, certStore: openCertStore(ctx.source), now: nowOf(ctx.source), token: ctx.token, csrf: ctx.csrf, nonce, outcome });
}

function targetOf(params: URLSearchParams): PageTarget {
  const site = params.get('site');
  const defaults = params.get('siteDefaults');
  if (site !== null && defaults !== null) throw new AppcmdError('BAD_ARGUMENT', 'Give either a site or siteDefaults, not both.');
  if (defaults === 'true') return { kind: 'siteDefaults' };
  if (site !== null && site !== '') return { kind: 'site', name: site };
  throw new AppcmdError('BAD_ARGUMENT', 'The FTP SSL Settings page needs a site (?site=NAME) or siteDefaults (?siteDefaults=true).');
}

/** A request the page got wrong is the client's error; a file that cannot be read is the server's. */
function statusOf(e: AppcmdError): number {
  if (e.code === 'OBJECT_NOT_FOUND') return 404;
  return e.code === 'BAD_ARGUMENT' || e.code === 'VALUE_INVALID' ? 400 : 500;
}

function errorPage(e: AppcmdError, token: string, nonce: string): string {
  const hints = e.hints.map((h) => html`<li>${h}</li>`);
  const body = html`<div class="layout"><main><h1>Error</h1><div class="notice error" role="alert"><p>${e.message}</p><ul>${hints}</ul></div><p><a href="${pageUrl('/', token)}">Back to Sites</a></p></main></div>`;
  return page({ title: 'Error', trail: [['Sites', pageUrl('/', token)], ['Error', undefined]], body, nonce });
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_FORM_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_FORM_BYTES ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function refuse(res: ServerResponse, r: Refusal, nonce: string): void {
  send(res, r.status, 'text/plain', `${r.message}\n`, nonce);
}

function sendPage(res: ServerResponse, status: number, body: string, nonce: string): void {
  send(res, status, 'text/html', body, nonce);
}

function send(res: ServerResponse, status: number, type: string, body: string, nonce: string): void {
  res.writeHead(status, { ...securityHeaders(nonce), 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function portOf(server: Server): number {
  const a = server.address();
  return typeof a === 'object' && a !== null ? a.port : 0;
}

function listenError(e: NodeJS.ErrnoException, port: number): AppcmdError {
  if (e.code === 'EADDRINUSE') return new AppcmdError('BAD_ARGUMENT', `Port ${port} on 127.0.0.1 is in use.`, { hints: ['Give another /port:N, or leave /port: out to take a free one.'] });
  if (e.code === 'EACCES') return new AppcmdError('BAD_ARGUMENT', `Port ${port} needs privileges this process lacks.`, { hints: ['Use a port above 1023.'] });
  return new AppcmdError('FILE_IO', `Cannot listen on 127.0.0.1:${port}: ${e.message}`);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
