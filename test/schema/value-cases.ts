/**
 * Inputs for an attribute, derived from its schema facts alone: a valid value, the boundaries of
 * its type or validation rule, and values just outside them. The equivalence test runs them
 * through two schemas and compares the verdicts, so the inputs need no expected answers; `kind`
 * says what each is meant to probe, and `rejectable` says whether any value can fail at all.
 */
import type { AttributeSchema } from '../../src/schema/types.js';
import { parseIntegerRange, parseTimeSpanRange } from '../../src/schema/validation-parameter.js';

export interface Probe {
  readonly kind: 'valid' | 'boundary' | 'invalid';
  readonly input: string;
}

const TYPE_BOUNDS: Record<'uint' | 'int' | 'int64', readonly [bigint, bigint]> = {
  uint: [0n, 4294967295n],
  int: [-2147483648n, 2147483647n],
  int64: [-9223372036854775808n, 9223372036854775807n],
};

/** Seconds as IIS writes a timeSpan: [d.]hh:mm:ss. */
export function timeSpanText(seconds: bigint): string {
  const days = seconds / 86400n;
  const rest = seconds % 86400n;
  const two = (n: bigint): string => n.toString().padStart(2, '0');
  const clock = `${two(rest / 3600n)}:${two((rest % 3600n) / 60n)}:${two(rest % 60n)}`;
  return days > 0n ? `${days}.${clock}` : clock;
}

export function probesFor(attr: AttributeSchema): Probe[] {
  const p = (kind: Probe['kind'], input: string): Probe => ({ kind, input });
  switch (attr.type) {
    case 'bool':
      return [p('valid', 'False'), p('boundary', 'TRUE'), p('invalid', 'yes'), p('invalid', '1')];
    case 'enum': {
      const top = [...attr.values].sort((a, b) => b.value - a.value)[0];
      return [
        p('valid', (attr.values[0]?.name ?? '').toLowerCase()),
        p('boundary', String(top?.value ?? 0)),
        p('invalid', String((top?.value ?? 0) + 1)),
        p('invalid', 'NoSuchValue'),
      ];
    }
    case 'flags': {
      const sum = attr.values.reduce((s, v) => s + v.value, 0);
      return [
        p('valid', attr.values.map((v) => v.name).reverse().join(',')),
        p('boundary', String(sum)),
        p('boundary', ''),
        p('invalid', `${attr.values[0]?.name ?? ''},Bogus`),
      ];
    }
    case 'uint':
    case 'int':
    case 'int64':
      return integerProbes(attr, ...TYPE_BOUNDS[attr.type]);
    case 'timeSpan':
      return timeSpanProbes(attr);
    case 'string':
      return stringProbes(attr);
  }
}

function integerProbes(attr: AttributeSchema, typeMin: bigint, typeMax: bigint): Probe[] {
  const range = attr.validationType === 'integerRange' ? parseIntegerRange(attr.validationParameter ?? '') : undefined;
  const [min, max] = range === undefined ? [typeMin, typeMax] : [range.min, range.max];
  const exclude = range?.exclude === true;
  return [
    { kind: exclude ? 'invalid' : 'valid', input: min.toString() },
    { kind: 'boundary', input: max.toString() },
    { kind: exclude ? 'valid' : 'invalid', input: (max + 1n).toString() },
    { kind: exclude ? 'boundary' : 'invalid', input: (min - 1n).toString() },
    { kind: 'invalid', input: 'ten' },
  ];
}

function timeSpanProbes(attr: AttributeSchema): Probe[] {
  const range = attr.validationType === 'timeSpanRange' ? parseTimeSpanRange(attr.validationParameter ?? '') : undefined;
  const text = (seconds: bigint): string => (attr.timeSpanFormat === 'string' ? timeSpanText(seconds) : seconds.toString());
  const probes: Probe[] = [
    { kind: range === undefined ? 'valid' : 'boundary', input: text(30n) },
    { kind: 'boundary', input: text(0n) },
    { kind: 'invalid', input: '00:61:00' },
    { kind: 'boundary', input: 'Infinite' },
  ];
  if (range !== undefined) {
    // A multiple of the granularity inside the range (or, for an excluded range, just above it).
    const g = range.granularity;
    const from = range.exclude ? range.max + 1n : range.min > 0n ? range.min : 1n;
    probes.unshift({ kind: 'valid', input: text(((from + g - 1n) / g) * g) });
    const outside: Probe['kind'] = range.exclude ? 'boundary' : 'invalid';
    probes.push({ kind: 'boundary', input: text(range.min) }, { kind: 'boundary', input: text(range.max) }, { kind: outside, input: text(range.max + g) });
    if (range.min > 0n) probes.push({ kind: outside, input: text(range.min - 1n) });
    if (g > 1n) probes.push({ kind: 'boundary', input: text(((from + g - 1n) / g) * g + 1n) });
  }
  return probes;
}

const STRING_PROBES: Record<string, readonly [string, string, string]> = {
  nonEmptyString: ['x', ' ', ''],
  siteName: ['Default Web Site', ' x ', 'a/b'],
  applicationPoolName: ['DefaultAppPool', 'a b', 'a|b'],
  applicationPath: ['/app', '/', 'app/'],
  virtualDirectoryPath: ['/vdir', '/', '/a/../b'],
  requireTrimmedString: ['x', 'x y', ' x'],
};

function stringProbes(attr: AttributeSchema): Probe[] {
  const [valid, boundary, invalid] = STRING_PROBES[attr.validationType ?? ''] ?? ['value', '', '<&"\'> \t'];
  return [
    { kind: 'valid', input: valid },
    { kind: 'boundary', input: boundary },
    { kind: 'invalid', input: invalid },
  ];
}

/** False for a plain string: IIS has no value it would refuse there. */
export function rejectable(attr: AttributeSchema): boolean {
  return attr.type !== 'string' || (attr.validationType ?? '') in STRING_PROBES;
}
