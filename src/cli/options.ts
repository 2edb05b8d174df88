import { AppcmdError } from '../errors.js';
import type { LongOption, ParsedCommandLine, Switch } from './tokenizer.js';

/** appcmd's general switches (HELP10) plus ours; everything else is a property switch. */
const GENERAL = new Set(['?', 'text', 'xml', 'in', 'config', 'metadata', 'commit', 'commitpath', 'apphostconfig', 'debug', 'section', 'schemadir', 'locktimeout', 'certstore', 'certpassword', 'force']);
const LONG = new Set(['json', 'dry-run', 'help', 'no-color', 'color', 'apphostconfig', 'schema-dir', 'lock-timeout', 'show-secrets', 'allow-plaintext-secrets', 'if-not-exists']);

/** A day: anything longer is a typo (milliseconds given as seconds), not a wait anyone wants. */
const MAX_LOCK_TIMEOUT_S = 86_400;

export interface GeneralOptions {
  readonly help: boolean;
  readonly section: string | undefined;
  readonly commit: string | undefined;
  readonly apphostconfig: string | undefined;
  readonly schemaDirs: readonly string[];
  /** /config (undefined value) or /config:* ('*'); undefined when absent. */
  readonly config: string | null | undefined;
  readonly text: string | undefined;
  readonly xml: boolean;
  /** /in: the objects come as appcmd /xml on standard input (so does `-` as the identifier). */
  readonly in: boolean;
  readonly json: boolean;
  readonly dryRun: boolean;
  /** /locktimeout:SECONDS — how long a writer waits for another writer's lock; undefined: the default. */
  readonly lockTimeoutMs: number | undefined;
  /** --show-secrets: list output shows [enc:…:enc] values and passwords instead of a mask. */
  readonly showSecrets: boolean;
  /** --allow-plaintext-secrets: write a plain value to an encrypted attribute (with a warning). */
  readonly allowPlaintextSecrets: boolean;
  /** --if-not-exists: an add of an object or item already there, identical, is "unchanged" (exit 0), not 183. */
  readonly ifNotExists: boolean;
  /** /certstore:DIR — a folder of certificate stores; writes of serverCertHash are checked against it. */
  readonly certStore: string | undefined;
  /** /certpassword: — the PKCS#12 password (APPCMD_CERTPASSWORD keeps it out of the process list). */
  readonly certPassword: string | undefined;
  /** /force — write a certificate the checks refuse, with warnings. */
  readonly force: boolean;
}

export interface SplitSwitches {
  readonly options: GeneralOptions;
  /** Switches that name properties (/[name='x'].attr:v, /+[...], /-[...]). */
  readonly properties: readonly Switch[];
}

export function splitSwitches(line: ParsedCommandLine): SplitSwitches {
  const properties: Switch[] = [];
  const general = new Map<string, Switch[]>();
  for (const sw of line.switches) {
    const key = sw.name.toLowerCase();
    if (!sw.escaped && sw.operator === 'set' && GENERAL.has(key)) {
      const list = general.get(key) ?? [];
      list.push(sw);
      general.set(key, list);
    } else properties.push(sw);
  }
  const long = new Map<string, LongOption>();
  for (const opt of line.longOptions) {
    const key = opt.name.toLowerCase();
    if (!LONG.has(key)) {
      throw new AppcmdError('BAD_ARGUMENT', `Unknown option "${opt.raw}".`, { hints: [`Known options: ${[...LONG].map((l) => `--${l}`).join(', ')}`] });
    }
    long.set(key, opt);
  }
  const value = (name: string): string | undefined => {
    const list = general.get(name);
    return list === undefined ? undefined : (list[list.length - 1]?.value ?? '');
  };
  const configSwitch = general.get('config');
  return {
    options: {
      help: general.has('?') || long.has('help'),
      section: value('section'),
      commit: value('commit') ?? value('commitpath'),
      apphostconfig: long.get('apphostconfig')?.value ?? value('apphostconfig'),
      schemaDirs: [...(general.get('schemadir') ?? []).map((s) => s.value ?? ''), ...(long.has('schema-dir') ? [long.get('schema-dir')?.value ?? ''] : [])],
      config: configSwitch === undefined ? undefined : (configSwitch[configSwitch.length - 1]?.value ?? null),
      text: value('text'),
      xml: general.has('xml'),
      in: general.has('in'),
      json: long.has('json'),
      dryRun: long.has('dry-run'),
      lockTimeoutMs: lockTimeout(long.get('lock-timeout')?.value ?? value('locktimeout')),
      showSecrets: long.has('show-secrets'),
      allowPlaintextSecrets: long.has('allow-plaintext-secrets'),
      ifNotExists: long.has('if-not-exists'),
      certStore: value('certstore'),
      certPassword: value('certpassword'),
      force: general.has('force'),
    },
    properties,
  };
}

/** Seconds (decimals allowed) → milliseconds; 0 means "try once, do not wait". */
function lockTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(seconds <= MAX_LOCK_TIMEOUT_S)) {
    throw new AppcmdError('BAD_ARGUMENT', `Invalid lock timeout "${text}": give the number of seconds to wait for another writer, from 0 to ${MAX_LOCK_TIMEOUT_S}.`, {
      hints: ['For example /locktimeout:30 (or --lock-timeout=30).'],
    });
  }
  return Math.round(seconds * 1000);
}
