/**
 * Runs an attribute's validationType on a decoded value. The set of validators is the complete
 * list of IIS_schema.xml's header comment; a validationType we do not know is accepted without a
 * check, because IIS's schema files are data that may name validators of newer IIS builds or
 * other products, and refusing every value of such an attribute would be worse than not checking.
 */
import { AppcmdError } from '../errors.js';
import type { DecodedValue } from './codec.js';
import { checkIntegerRange, checkTimeSpanRange } from './range-validators.js';
import * as strings from './string-validators.js';
import type { AttributeSchema } from './types.js';
import { integerRangeOf, timeSpanRangeOf } from './validation-parameter.js';

const STRING_VALIDATORS: Readonly<Record<string, strings.StringValidator>> = {
  nonEmptyString: strings.nonEmptyString,
  siteName: strings.siteName,
  applicationPoolName: strings.applicationPoolName,
  applicationPath: strings.applicationPath,
  virtualDirectoryPath: strings.virtualDirectoryPath,
  requireTrimmedString: strings.requireTrimmedString,
};

/** Throws VALUE_INVALID with IIS's text when the value breaks the attribute's validationType. */
export function validate(attr: AttributeSchema, decoded: DecodedValue): void {
  const failure = failureOf(attr, decoded);
  if (failure !== undefined) throw new AppcmdError('VALUE_INVALID', failure);
}

function failureOf(attr: AttributeSchema, decoded: DecodedValue): string | undefined {
  const type = attr.validationType;
  if (type === undefined) return undefined;
  if (type === 'integerRange') {
    // Only numbers have a range; IIS's files never put integerRange on another type.
    return decoded.integer === undefined ? undefined : checkIntegerRange(decoded.integer, integerRangeOf(attr));
  }
  if (type === 'timeSpanRange') {
    // Infinite is outside any range by definition and is only allowed where allowInfinite says so.
    return decoded.ticks === undefined ? undefined : checkTimeSpanRange(decoded.ticks, timeSpanRangeOf(attr));
  }
  const validator = STRING_VALIDATORS[type];
  return validator === undefined ? undefined : validator(decoded.text);
}
