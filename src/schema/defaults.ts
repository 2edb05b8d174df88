/**
 * What an attribute is worth when nothing sets it.
 */
import { decodeValue, type ConfigValue } from './codec.js';
import { encodeFlags } from './enums.js';
import type { AttributeSchema } from './types.js';

/**
 * The canonical text of the value an attribute has when nothing sets it: the schema default
 * written as IIS writes values (periodicRestart@time "29:00:00" → "1.05:00:00"), else the type's
 * zero. Defaults are not validated: siteDefaults@name, for one, has the implicit default "" that
 * its own siteName validator refuses.
 */
export function effectiveDefault(attr: AttributeSchema): string {
  if (attr.defaultValue === undefined) return zeroText(attr);
  try {
    return decodeValue(attr, attr.defaultValue).text;
  } catch {
    return attr.defaultValue;
  }
}

/** The typed counterpart of effectiveDefault. */
export function effectiveDefaultValue(attr: AttributeSchema): ConfigValue {
  const text = effectiveDefault(attr);
  try {
    return decodeValue(attr, text).value;
  } catch {
    return text;
  }
}

function zeroText(attr: AttributeSchema): string {
  switch (attr.type) {
    case 'bool':
      return 'false';
    case 'uint':
    case 'int':
    case 'int64':
      return '0';
    case 'enum':
      return attr.values.find((v) => v.value === 0)?.name ?? '';
    case 'flags':
      return encodeFlags(attr.values, 0);
    case 'timeSpan':
      return attr.timeSpanFormat === 'string' ? '00:00:00' : '0';
    case 'string':
      return '';
  }
}
