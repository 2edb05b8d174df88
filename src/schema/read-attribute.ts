/**
 * One <attribute> of a schema file → an AttributeSchema. Schema attributes this project has no
 * use for are ignored rather than refused, because Microsoft's own files carry some that no
 * documentation names (displayHex, mergeElement) and a loader that refused them could not read
 * a real %windir%\system32\inetsrv\config\schema folder.
 */
import type { XmlElement } from '../xml/types.js';
import type { Origin } from './draft.js';
import { schemaError, type Locate } from './schema-error.js';
import { parseIntegerRange, parseTimeSpanRange } from './validation-parameter.js';
import type { AttributeSchema, AttributeType, EnumValue } from './types.js';

const TYPES: readonly AttributeType[] = ['bool', 'enum', 'flags', 'uint', 'int', 'int64', 'string', 'timeSpan'];
const TIME_SPAN_FORMATS = ['string', 'seconds', 'minutes'] as const;

export function readAttribute(node: XmlElement, locate: Locate): AttributeSchema {
  const origin = locate(node.start);
  const name = requireValue(node, 'name', origin);
  const typeText = requireValue(node, 'type', origin);
  const type = TYPES.find((t) => t === typeText);
  if (type === undefined) {
    throw schemaError(origin, `Attribute "${name}" has unknown type "${typeText}" (expected ${TYPES.join(', ')})`);
  }
  const format = node.attribute('timeSpanFormat')?.value ?? 'string';
  const timeSpanFormat = TIME_SPAN_FORMATS.find((f) => f === format);
  if (timeSpanFormat === undefined) {
    throw schemaError(origin, `Attribute "${name}" has unknown timeSpanFormat "${format}" (expected string, seconds or minutes)`);
  }
  const flag = (attr: string): boolean => readBool(node, attr, origin);
  const validationType = node.attribute('validationType')?.value;
  const validationParameter = node.attribute('validationParameter')?.value;
  checkParameter(name, validationType, validationParameter, origin);
  return Object.freeze({
    name,
    type,
    // IIS_schema.xml declares requestFiltering@removeServerHeader with a lowercase
    // defaultvalue="false"; it is read as defaultValue, which is evidently what was meant.
    defaultValue: node.attribute('defaultValue')?.value ?? node.attribute('defaultvalue')?.value,
    required: flag('required'),
    isUniqueKey: flag('isUniqueKey'),
    isCombinedKey: flag('isCombinedKey'),
    caseSensitive: flag('caseSensitive'),
    encrypted: flag('encrypted'),
    expanded: flag('expanded'),
    allowInfinite: flag('allowInfinite'),
    timeSpanFormat,
    validationType,
    validationParameter,
    values: Object.freeze(readValues(node, name, locate)),
  });
}

/** <enum> and <flag> children, in schema order; either tag is read for either type. */
function readValues(node: XmlElement, attributeName: string, locate: Locate): EnumValue[] {
  const values: EnumValue[] = [];
  for (const child of node.children) {
    const origin = locate(child.start);
    if (child.name !== 'enum' && child.name !== 'flag') {
      throw schemaError(origin, `Unexpected <${child.name}> in attribute "${attributeName}" (expected <enum> or <flag>)`);
    }
    const name = requireValue(child, 'name', origin);
    const text = requireValue(child, 'value', origin);
    if (!/^-?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw schemaError(origin, `<${child.name} name="${name}"> of attribute "${attributeName}" has a non-integer value "${text}"`);
    }
    values.push(Object.freeze({ name, value: Number(text) }));
  }
  return values;
}

/** Range parameters are checked now, so a broken schema fails at load and not on some later set. */
function checkParameter(name: string, type: string | undefined, parameter: string | undefined, origin: Origin): void {
  if (type === 'integerRange' && parseIntegerRange(parameter ?? '') === undefined) {
    throw schemaError(origin, `Attribute "${name}": integerRange needs validationParameter "min,max[,exclude]", not "${parameter ?? ''}"`);
  }
  if (type === 'timeSpanRange' && parseTimeSpanRange(parameter ?? '') === undefined) {
    throw schemaError(
      origin,
      `Attribute "${name}": timeSpanRange needs validationParameter "min,max,granularity[,exclude]", not "${parameter ?? ''}"`,
    );
  }
}

export function requireValue(node: XmlElement, attr: string, origin: Origin): string {
  const value = node.attribute(attr)?.value;
  if (value === undefined || value === '') throw schemaError(origin, `<${node.name}> has no ${attr}`);
  return value;
}

/** Absent → false. The schema language's booleans are "true"/"false"; case is not significant to IIS. */
function readBool(node: XmlElement, attr: string, origin: Origin): boolean {
  return readOptionalBool(node, attr, origin) ?? false;
}

export function readOptionalBool(node: XmlElement, attr: string, origin: Origin): boolean | undefined {
  const value = node.attribute(attr)?.value;
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw schemaError(origin, `<${node.name}> ${attr}="${value}" is not true or false`);
}
