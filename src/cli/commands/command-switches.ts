import { AppcmdError } from '../../errors.js';
import type { Switch } from '../tokenizer.js';

/** 'value' switches need /name:value; 'flag' switches are /name or /name:true|false. */
export type SwitchKind = 'value' | 'flag';

/**
 * The switches a command accepts beyond appcmd's general ones, read from the property list by
 * name (case-insensitive, last one wins). Anything else is refused, naming what is accepted.
 */
export class CommandSwitches {
  private readonly values = new Map<string, string | true>();

  constructor(command: string, properties: readonly Switch[], spec: Readonly<Record<string, SwitchKind>>) {
    const byLower = new Map(Object.entries(spec).map(([k, v]) => [k.toLowerCase(), { name: k, kind: v }]));
    for (const sw of properties) {
      const known = byLower.get(sw.name.toLowerCase());
      if (known === undefined || sw.operator !== 'set') {
        throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${sw.raw}" for ${command}.`, {
          hints: [`${command} takes: ${Object.keys(spec).map((k) => `/${k}${spec[k] === 'value' ? ':…' : ''}`).join(' ')}`],
        });
      }
      if (known.kind === 'value' && sw.value === undefined) {
        throw new AppcmdError('BAD_ARGUMENT', `The parameter "${sw.raw}" needs a value: /${known.name}:VALUE.`);
      }
      this.values.set(known.name.toLowerCase(), sw.value ?? true);
    }
  }

  value(name: string): string | undefined {
    const v = this.values.get(name.toLowerCase());
    return v === true ? undefined : v;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** /force, /force:true, /force:false. */
  flag(name: string): boolean {
    const v = this.values.get(name.toLowerCase());
    if (v === undefined) return false;
    if (v === true) return true;
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === '') return true;
    if (t === 'false') return false;
    throw new AppcmdError('BAD_ARGUMENT', `/${name} takes true or false, not "${v}".`);
  }
}
