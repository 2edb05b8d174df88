/**
 * A one-line description of an attribute for help output ("appcmd set config ... -?"): its type,
 * the allowed names, the default and the rule a value must meet, in the user's terms rather than
 * the schema's (a range, not "integerRange 0,1023,exclude").
 */
import { formatTimeSpan, secondsToTicks } from './timespan.js';
import type { AttributeSchema } from './types.js';
import { integerRangeOf, parseIntegerRange, parseTimeSpanRange, timeSpanRangeOf } from './validation-parameter.js';
import { effectiveDefault } from './defaults.js';

const RULES: Readonly<Record<string, string>> = {
  nonEmptyString: 'not empty',
  siteName: 'a site name (no / or ?)',
  applicationPoolName: 'an application pool name (none of |<>&\\"/[]+=;:,?*@)',
  applicationPath: 'an application path such as /app',
  virtualDirectoryPath: 'a virtual directory path such as /dir',
  requireTrimmedString: 'no leading or trailing white space',
};

export function describeAttribute(attr: AttributeSchema): string {
  const parts: string[] = [typeText(attr)];
  const def = effectiveDefault(attr);
  parts.push(def === '' ? 'default ""' : `default ${def}`);
  const rule = ruleText(attr);
  if (rule !== undefined) parts.push(rule);
  if (attr.required) parts.push('required');
  if (attr.isUniqueKey) parts.push('unique key');
  if (attr.isCombinedKey) parts.push('part of the key');
  if (attr.encrypted) parts.push('encrypted');
  if (attr.expanded) parts.push('%VARIABLES% expanded');
  return parts.join('; ');
}

function typeText(attr: AttributeSchema): string {
  const names = attr.values.map((v) => v.name);
  if (attr.type === 'enum') return `enum: ${names.join(' | ')}`;
  if (attr.type === 'flags') return `flags, comma-separated: ${names.join(', ')}`;
  if (attr.type === 'timeSpan') {
    const form = attr.timeSpanFormat === 'string' ? '[d.]hh:mm:ss' : attr.timeSpanFormat;
    return `timeSpan (${form}${attr.allowInfinite ? ' or Infinite' : ''})`;
  }
  return attr.type;
}

function ruleText(attr: AttributeSchema): string | undefined {
  const type = attr.validationType;
  if (type === undefined) return undefined;
  const parameter = attr.validationParameter ?? '';
  if (type === 'integerRange' && parseIntegerRange(parameter) !== undefined) {
    const r = integerRangeOf(attr);
    return r.exclude ? `not ${r.min} to ${r.max}` : `${r.min} to ${r.max}`;
  }
  if (type === 'timeSpanRange' && parseTimeSpanRange(parameter) !== undefined) {
    const r = timeSpanRangeOf(attr);
    const span = `${formatTimeSpan(secondsToTicks(r.min))} to ${formatTimeSpan(secondsToTicks(r.max))}`;
    const step = r.granularity === 1n ? 'whole seconds' : `multiples of ${r.granularity} seconds`;
    return `${r.exclude ? 'not ' : ''}${span}, ${step}`;
  }
  return RULES[type] ?? `${type}${parameter === '' ? '' : ` ${parameter}`}`;
}
