import type { AttributeSchema } from '../schema/types.js';
import type { ConfigValue, ValueSource } from './value-types.js';

/** One attribute of an element, as Microsoft.Web.Administration's ConfigurationAttribute. */
export interface ConfigurationAttribute {
  readonly name: string;
  /** The typed effective value (explicit, else inherited from the default element, else the schema default). */
  readonly value: ConfigValue;
  /** The effective value as text, as it is (or would be) written in the file. */
  readonly text: string;
  readonly source: ValueSource;
  /** True when the file does not set it on this element (MWA's IsInheritedFromDefaultValue). */
  readonly isInheritedFromDefaultValue: boolean;
  /** Undefined for an attribute the schema does not describe (allowed on some collections). */
  readonly schema: AttributeSchema | undefined;
}
