import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a URL or a form: 32 bytes, base64url (no characters a URL must escape). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a secret without leaking through timing how many leading characters were right. */
export function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The origins the pages are served from. Only these names are answered: a page on another site
 * whose DNS name is re-pointed at 127.0.0.1 (DNS rebinding) sends its own name as Host.
 */
export function localOrigins(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export interface RequestFacts {
  readonly method: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  /** Sec-Fetch-Site, which browsers send on every request. */
  readonly fetchSite: string | undefined;
  readonly token: string | undefined;
}

export interface Refusal {
  readonly status: number;
  readonly message: string;
}

/**
 * The checks every request passes before any page code runs: the Host is ours, a browser request
 * comes from our own pages (Origin, Sec-Fetch-Site), and the URL carries the token.
 */
export function refuseRequest(facts: RequestFacts, port: number, token: string): Refusal | undefined {
  const hosts = localOrigins(port);
  if (facts.host === undefined || !hosts.includes(facts.host.toLowerCase())) {
    return { status: 421, message: `Refused: this server answers only to ${hosts.join(' and ')} (Host was ${JSON.stringify(facts.host ?? '')}).` };
  }
  // Our pages send "Origin: null" on a form POST (Referrer-Policy: no-referrer); a hostile page
  // that does the same is still stopped by Sec-Fetch-Site, the token and the CSRF secret.
  if (facts.origin !== undefined && facts.origin !== 'null' && !hosts.some((h) => facts.origin === `http://${h}`)) {
    return { status: 403, message: 'Refused: cross-origin requests are not answered.' };
  }
  if (facts.fetchSite !== undefined && facts.fetchSite !== 'same-origin' && facts.fetchSite !== 'none') {
    return { status: 403, message: 'Refused: requests from other sites are not answered.' };
  }
  if (!sameSecret(facts.token, token)) {
    return { status: 403, message: 'Forbidden: open the address that "appcmd ui" printed; it carries the token this server needs.' };
  }
  return undefined;
}

/** A write must carry the form's CSRF secret (sent only inside our pages, never in a URL). */
export function refuseWrite(csrf: string | undefined, secret: string): Refusal | undefined {
  return sameSecret(csrf, secret) ? undefined : { status: 403, message: 'Refused: the form is missing its CSRF token. Reload the page and try again.' };
}

/**
 * Parameters a route takes, by name. Anything else is refused, which is how a file path can
 * never reach the server: no route names one (the file and the certificate folder are fixed when
 * the server starts).
 */
export function refuseUnknownParameters(params: URLSearchParams, allowed: ReadonlySet<string>): Refusal | undefined {
  for (const name of params.keys()) {
    if (!allowed.has(name)) {
      return { status: 400, message: `Unknown parameter "${name}": the pages take no file or folder; the server works on the file it was started with.` };
    }
  }
  return undefined;
}

/** Headers of every response: no caching, no framing, no referrer, scripts and styles only with the nonce. */
export function securityHeaders(nonce: string): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
