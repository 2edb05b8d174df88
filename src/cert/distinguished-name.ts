/**
 * Distinguished names as Windows shows them ("CN=ftp.example.com, O=Example, C=US": most specific
 * first, as certutil and PowerShell's Subject do) and matching a /cert:"CN=…" selector against them.
 */

export interface Ava {
  /** Attribute type, upper case, with Windows' aliases folded (S → ST, E → EMAILADDRESS). */
  readonly type: string;
  readonly value: string;
}

const ALIASES: Readonly<Record<string, string>> = { S: 'ST', E: 'EMAILADDRESS', EMAIL: 'EMAILADDRESS' };

/** Node prints a name one attribute per line in encoding order (C first); Windows reverses it. */
export function windowsNameFromNode(nodeName: string): string {
  return nodeName
    .split('\n')
    .filter((l) => l !== '')
    .reverse()
    .join(', ');
}

/** Splits "CN=a, O=b\, c" into attributes; backslash escapes and "…" quoting are honoured. */
function parseName(text: string): Ava[] {
  const out: Ava[] = [];
  let current = '';
  let quoted = false;
  const flush = (): void => {
    const eq = current.indexOf('=');
    if (current.trim() !== '') {
      const type = eq < 0 ? '' : current.slice(0, eq).trim().toUpperCase();
      out.push({ type: ALIASES[type] ?? type, value: unescapeValue(eq < 0 ? current : current.slice(eq + 1)) });
    }
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      current += c + (text[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if ((c === ',' || c === ';' || c === '+' || c === '\n') && !quoted) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return out;
}

function unescapeValue(raw: string): string {
  let v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
  return v.replace(/\\(.)/g, '$1');
}

/** The common name(s) of a name, for short displays. */
export function commonName(name: string): string | undefined {
  return parseName(name).find((a) => a.type === 'CN')?.value;
}

/**
 * Whether every attribute of `selector` is in `name` (types and values compared case-insensitively),
 * so "CN=ftp.example.com" selects "CN=ftp.example.com, O=Example, C=US".
 */
export function nameMatches(name: string, selector: string): boolean {
  const have = parseName(name).map(key);
  const want = parseName(selector);
  return want.length > 0 && want.every((a) => have.includes(key(a)));
}

function key(a: Ava): string {
  return `${a.type}=${a.value.toLowerCase()}`;
}

/** Whether a /cert: value is a subject selector ("CN=…", "O=…, CN=…"). */
export function looksLikeName(text: string): boolean {
  return /^\s*[A-Za-z][A-Za-z0-9.]*\s*=/.test(text);
}
