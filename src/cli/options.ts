import { AppcmdError } from '../errors.js';
import { errorStreamOption } from './error-stream.js';
import type { LongOption, ParsedCommandLine, Switch } from './tokenizer.js';

/** appcmd's general switches (HELP10) plus ours; everything else is a property switch. */
const GENERAL = new Set(['?', 'text', 'xml', 'in', 'config', 'metadata', 'commit', 'commitpath', 'apphostconfig', 'debug', 'section', 'schemadir', 'locktimeout', 'certstore', 'certpassword', 'force', 'errors', 'physicalroot']);
const LONG = new Set(['json', 'dry-run', 'help', 'no-color', 'color', 'apphostconfig', 'schema-dir', 'lock-timeout', 'show-secrets', 'allow-plaintext-secrets', 'if-not-exists', 'if-exists', 'diff']);

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
  /** --if-exists: a removal (/-[…], delete, clear config) of something absent is "unchanged" (exit 0), not 1168 or 4312. */
  readonly ifExists: boolean;
  /** --diff: a write also reports the unified diff of the file (a dry run always does). */
  readonly diff: boolean;
  /** /certstore:DIR — a folder of certificate stores; writes of serverCertHash are checked against it. */
  readonly certStore: string | undefined;
  /** /certpassword: — the PKCS#12 password (APPCMD_CERTPASSWORD keeps it out of the process list). */
  readonly certPassword: string | undefined;
  /** /force — write a certificate the checks refuse, with warnings. */
  readonly force: boolean;
  /** /physicalroot:PREFIX=FOLDER (repeatable, or ;-separated): where the sites' physical paths are here. */
  readonly physicalRoots: readonly string[];
}

export interface SplitSwitches {
  readonly options: GeneralOptions;
  /** Switches that name properties (/[name='x'].attr:v, /+[...], /-[...]). */
  readonly properties: readonly Switch[];
}

/**
 * Sorts the switches into general options and property switches. One pass with a switch statement
 * rather than maps of switches: a batch runs this once per line, and optimizing the map-based
 * version kept one of V8's helper threads busy, on machines that often have two cores
 * (bench/NOTES.md).
 */
export function splitSwitches(line: ParsedCommandLine): SplitSwitches {
  const properties: Switch[] = [];
  const o = {
    help: false,
    section: undefined as string | undefined,
    commit: undefined as string | undefined,
    commitPath: undefined as string | undefined,
    apphostconfig: undefined as string | undefined,
    schemaDirs: [] as string[],
    config: undefined as string | null | undefined,
    text: undefined as string | undefined,
    xml: false,
    in: false,
    lockTimeout: undefined as string | undefined,
    certStore: undefined as string | undefined,
    certPassword: undefined as string | undefined,
    force: false,
    physicalRoots: [] as string[],
  };
  // Given twice, a general switch's last value wins; /schemadir adds a folder each time.
  for (const sw of line.switches) {
    const key = sw.name.toLowerCase();
    if (sw.escaped || sw.operator !== 'set' || !GENERAL.has(key)) {
      properties.push(sw);
      continue;
    }
    const value = sw.value ?? '';
    switch (key) {
      case '?':
        o.help = true;
        break;
      case 'section':
        o.section = value;
        break;
      case 'commit':
        o.commit = value;
        break;
      case 'commitpath':
        o.commitPath = value;
        break;
      case 'apphostconfig':
        o.apphostconfig = value;
        break;
      case 'schemadir':
        o.schemaDirs.push(value);
        break;
      case 'config':
        o.config = sw.value ?? null;
        break;
      case 'text':
        o.text = value;
        break;
      case 'xml':
        o.xml = true;
        break;
      case 'in':
        o.in = true;
        break;
      case 'locktimeout':
        o.lockTimeout = value;
        break;
      case 'certstore':
        o.certStore = value;
        break;
      case 'certpassword':
        o.certPassword = value;
        break;
      case 'force':
        o.force = true;
        break;
      case 'errors':
        // Only checked here: run() reads it from argv, since it also governs errors of parsing.
        errorStreamOption(value);
        break;
      case 'physicalroot':
        o.physicalRoots.push(value);
        break;
      // metadata and debug: accepted as appcmd accepts them, and without effect here.
    }
  }
  const long = longOptions(line.longOptions);
  return {
    options: {
      help: o.help || long.has('help'),
      section: o.section,
      commit: o.commit ?? o.commitPath,
      apphostconfig: long.get('apphostconfig')?.value ?? o.apphostconfig,
      schemaDirs: long.has('schema-dir') ? [...o.schemaDirs, long.get('schema-dir')?.value ?? ''] : o.schemaDirs,
      config: o.config,
      text: o.text,
      xml: o.xml,
      in: o.in,
      json: long.has('json'),
      dryRun: long.has('dry-run'),
      lockTimeoutMs: lockTimeout(long.get('lock-timeout')?.value ?? o.lockTimeout),
      showSecrets: long.has('show-secrets'),
      allowPlaintextSecrets: long.has('allow-plaintext-secrets'),
      ifNotExists: long.has('if-not-exists'),
      ifExists: long.has('if-exists'),
      diff: long.has('diff'),
      certStore: o.certStore,
      certPassword: o.certPassword,
      force: o.force,
      physicalRoots: o.physicalRoots,
    },
    properties,
  };
}

const NO_LONG_OPTIONS: ReadonlyMap<string, LongOption> = new Map();

/** The long options by lower-case name (the last of a name wins); an unknown one is refused. */
function longOptions(options: readonly LongOption[]): ReadonlyMap<string, LongOption> {
  if (options.length === 0) return NO_LONG_OPTIONS;
  const long = new Map<string, LongOption>();
  for (const opt of options) {
    const key = opt.name.toLowerCase();
    if (!LONG.has(key)) {
      throw new AppcmdError('BAD_ARGUMENT', `Unknown option "${opt.raw}".`, { hints: [`Known options: ${[...LONG].map((l) => `--${l}`).join(', ')}`] });
    }
    long.set(key, opt);
  }
  return long;
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
