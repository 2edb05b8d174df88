import { request } from 'node:http';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { startUiServer, type UiServer } from '../../src/ui/ui-server.js';
import { NOW } from '../cert/make-cert.js';
import { certSet, withKey, writeStoreFolder } from '../cert/store-fixture.js';
import { tempCopy } from '../helpers/cli.js';
import { corpusFile } from '../helpers/paths.js';

/** Corpus file 04's one FTP site. */
export const SITE = 'SupernovaFTP';

export interface UiFixture {
  readonly file: string;
  readonly server: UiServer;
  readonly certs: ReturnType<typeof certSet>;
}

/** A copy of corpus file 04 served with a certificate folder (a valid, an expired and an ECDSA certificate), the clock at NOW. */
export async function startFixture(): Promise<UiFixture> {
  const certs = certSet();
  const dir = writeStoreFolder({ My: { 'ftp.pem': withKey(certs.valid), 'old.pem': withKey(certs.expired) }, WebHosting: { 'ec.pem': withKey(certs.ecdsa) } });
  const file = tempCopy(corpusFile('04'));
  const server = await startUiServer({ source: { path: file, certStore: () => CertificateStoreFolder.open(dir), now: () => NOW } });
  return { file, server, certs };
}

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface Ask {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A plain HTTP request to the server (node:http, which lets a test send any Host header). */
export function ask(server: UiServer, path: string, options: Ask = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body;
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) {
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The value of a hidden form field of a page. */
export function field(page: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (m?.[1] === undefined) throw new Error(`the page has no field ${name}`);
  return m[1];
}
