/** Builds an AttributeSchema for a test: the schema language's defaults plus what the test sets. */
import type { AttributeSchema, EnumValue } from '../../src/schema/types.js';

export function makeAttribute(props: Partial<AttributeSchema> & Pick<AttributeSchema, 'type'>): AttributeSchema {
  return {
    name: 'test',
    defaultValue: undefined,
    required: false,
    isUniqueKey: false,
    isCombinedKey: false,
    caseSensitive: false,
    encrypted: false,
    expanded: false,
    allowInfinite: false,
    timeSpanFormat: 'string',
    validationType: undefined,
    validationParameter: undefined,
    values: [],
    ...props,
  };
}

export function values(spec: Record<string, number>): EnumValue[] {
  return Object.entries(spec).map(([name, value]) => ({ name, value }));
}
