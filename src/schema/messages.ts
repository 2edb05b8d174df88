/**
 * The texts IIS's configuration system gives when it rejects a value. They are kept here, in one
 * place, so that each can carry its source; IIS ends every one of them with CRLF, which the
 * message layer above adds or not as it prints.
 *
 * Sources:
 * - [M] shared/reference/messages.md (texts asserted by JexusManager's tests against real IIS).
 * - [J:file] jexuswebserver/JexusManager, Microsoft.Web.Administration/<file>, the validator
 *   classes of its Microsoft.Web.Administration clone.
 * - [A] shared/reference/appcmd.md §4, which quotes JexusManager Tests/Exceptions/ServerTestCases.cs.
 * - [ours] no IIS text was found anywhere; the wording follows the nearest IIS text.
 */

/** [M]; [J:ConfigurationAttributeSchema.cs] joins the names in schema order with ", ". */
export function enumMessage(names: readonly string[]): string {
  return `Enum must be one of ${names.join(', ')}`;
}

/** [M]; [J:ConfigurationAttributeSchema.cs]. */
export function flagsMessage(names: readonly string[]): string {
  return `Flags must be some combination of ${names.join(', ')}`;
}

/** [M]; [J:IntegerRangeValidator.cs]. */
export function integerRangeMessage(min: bigint, max: bigint): string {
  return `Integer value must be between ${min} and ${max} inclusive`;
}

/** [J:IntegerRangeValidator.cs], its uint branch (the int branch's "exclusive" wording is a Jexus slip). */
export function integerExcludeMessage(min: bigint, max: bigint): string {
  return `Integer value must not be between ${min} and ${max} inclusive`;
}

/** [M]; [J:TimeSpanRangeValidator.cs] prints the bounds as .NET TimeSpans ("c" format). */
export function timeSpanRangeMessage(min: string, max: string, granularity: bigint): string {
  return `Timespan value must be between ${min} and ${max} seconds inclusive, with a granularity of ${granularity} seconds`;
}

/** [J:TimeSpanRangeValidator.cs]. */
export function timeSpanExcludeMessage(min: string, max: string, granularity: bigint): string {
  return `Timespan value must not be between ${min} and ${max} seconds inclusive, with a granularity of ${granularity} seconds`;
}

/** [M]; [J:NonEmptyStringValidator.cs]. */
export const NON_EMPTY_STRING = 'String must not be empty';
/** [M]; [J:ApplicationPoolNameValidator.cs]. */
export const INVALID_APPLICATION_POOL_NAME = 'Invalid application pool name';
/** [J:SiteNameValidator.cs]. */
export const INVALID_SITE_NAME = 'Invalid site name';
/** [J:ApplicationPathValidator.cs]. */
export const INVALID_APPLICATION_PATH = 'Invalid application path';
/** [J:VirtualDirectoryPathValidator.cs]. */
export const INVALID_VIRTUAL_DIRECTORY_PATH = 'Invalid virtual directory path';
/** [ours]: [J:RequireTrimmedStringValidator.cs] throws the placeholder "TODO". */
export const REQUIRE_TRIMMED_STRING = 'String must not begin or end with white space';

/** [A]: "The 'sslFlags' attribute is invalid.  Not a valid unsigned integer". */
export const NOT_UINT = 'Not a valid unsigned integer';
/** [ours], after NOT_UINT: Jexus's parser silently turns a bad number into 0. */
export const NOT_INT = 'Not a valid integer';
/** [ours], after NOT_UINT. */
export const NOT_INT64 = 'Not a valid 64-bit integer';
/** [ours], after NOT_UINT: Jexus uses bool.TryParse and never reports. */
export const NOT_BOOL = 'Not a valid boolean value';
/** [ours], after NOT_UINT: Jexus uses TimeSpan.TryParse and never reports. */
export const NOT_TIMESPAN = 'Not a valid timespan value';
