import { AppcmdError } from '../errors.js';

export type ControlPolicy = 'SslAllow' | 'SslRequire' | 'SslRequireCredentialsOnly';
export type DataPolicy = 'SslAllow' | 'SslRequire' | 'SslDeny';
/** IIS Manager's FTP SSL Settings page: "Allow SSL connections", "Require SSL connections", "Custom". */
export type PolicyPreset = 'Allow' | 'Require' | 'Custom';

const PRESETS: Readonly<Record<string, PolicyPreset>> = { allow: 'Allow', require: 'Require', custom: 'Custom' };

/** The page's words and the schema's enum names both work: Require, SslRequire, CredentialsOnly… */
const CONTROL: Readonly<Record<string, ControlPolicy>> = {
  allow: 'SslAllow',
  sslallow: 'SslAllow',
  require: 'SslRequire',
  sslrequire: 'SslRequire',
  credentialsonly: 'SslRequireCredentialsOnly',
  requirecredentialsonly: 'SslRequireCredentialsOnly',
  sslrequirecredentialsonly: 'SslRequireCredentialsOnly',
};

const DATA: Readonly<Record<string, DataPolicy>> = {
  allow: 'SslAllow',
  sslallow: 'SslAllow',
  require: 'SslRequire',
  sslrequire: 'SslRequire',
  deny: 'SslDeny',
  ssldeny: 'SslDeny',
};

function lookup<T>(table: Readonly<Record<string, T>>, word: string, what: string, shown: readonly string[]): T {
  const hit = table[word.trim().toLowerCase().replace(/[\s_-]/g, '')];
  if (hit !== undefined) return hit;
  throw new AppcmdError('VALUE_INVALID', `Invalid ${what} "${word}". Enum must be one of ${shown.join(', ')}`);
}

export function parsePreset(word: string): PolicyPreset {
  return lookup(PRESETS, word, '/policy value', ['Allow', 'Require', 'Custom']);
}

export function parseControlPolicy(word: string): ControlPolicy {
  return lookup(CONTROL, word, '/control value', ['Allow', 'Require', 'CredentialsOnly']);
}

export function parseDataPolicy(word: string): DataPolicy {
  return lookup(DATA, word, '/data value', ['Allow', 'Require', 'Deny']);
}

/** The preset a pair of policies shows as on the page. */
export function presetOf(control: string, data: string): PolicyPreset {
  if (control === 'SslAllow' && data === 'SslAllow') return 'Allow';
  if (control === 'SslRequire' && data === 'SslRequire') return 'Require';
  return 'Custom';
}
