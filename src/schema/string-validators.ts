/**
 * The string validationTypes. Each returns IIS's text when the value fails, undefined when it
 * passes. The rules are the ones IIS_schema.xml's header comment states; where that comment is
 * silent (empty values), JexusManager's validators (checked against IIS) decide, and the source
 * is named at the rule.
 */
import * as msg from './messages.js';

export type StringValidator = (value: string) => string | undefined;

export const nonEmptyString: StringValidator = (value) => (value === '' ? msg.NON_EMPTY_STRING : undefined);

// The schema header lists |<>&\"/[]+=;:,?*@ — read as both the backslash and the double quote,
// which is also the list Microsoft.Web.Administration's helper uses (messages.md).
const POOL_NAME_FORBIDDEN = /[|<>&\\"/[\]+=;:,?*@]/;

// Empty is rejected: IIS fails on <add name=""> with "The 'name' attribute is invalid.  Invalid
// application pool name" (JexusManager Tests/Exceptions/ServerTestCases.cs, TestIisExpressValidatorFails;
// and Web Deploy's applicationPool='' on winterdom.com, 2014-11-05). White space only: JexusManager's
// ApplicationPoolNameValidator.cs rejects it too (IsNullOrWhiteSpace).
export const applicationPoolName: StringValidator = (value) =>
  value.trim() === '' || POOL_NAME_FORBIDDEN.test(value) ? msg.INVALID_APPLICATION_POOL_NAME : undefined;

// Only / and ? per the schema header: the longer list of IIS Manager and MWA's helper
// (\ ; : @ & = + $ , | " < >) is a UI rule, not the configuration system's (schema.md §1.8).
// Empty or blank names fail as in JexusManager's SiteNameValidator.cs.
const SITE_NAME_FORBIDDEN = /[/?]/;
export const siteName: StringValidator = (value) =>
  value.trim() === '' || SITE_NAME_FORBIDDEN.test(value) ? msg.INVALID_SITE_NAME : undefined;

/**
 * Schema header: starts with "/", does not end with "/" unless it is "/", no segment is "." or
 * "..". The empty value does not start with "/" and fails too: IIS refuses an application or
 * virtual directory whose path is set to "" (`Invalid application path`), as JexusManager's tests
 * against IIS show. An attribute left out is not validated, so a defaults element without a path
 * stays valid.
 */
function isVirtualPath(value: string): boolean {
  if (!value.startsWith('/')) return false;
  if (value.length > 1 && value.endsWith('/')) return false;
  return !value.split('/').some((segment) => segment === '.' || segment === '..');
}

export const applicationPath: StringValidator = (value) => (isVirtualPath(value) ? undefined : msg.INVALID_APPLICATION_PATH);

export const virtualDirectoryPath: StringValidator = (value) =>
  isVirtualPath(value) ? undefined : msg.INVALID_VIRTUAL_DIRECTORY_PATH;

export const requireTrimmedString: StringValidator = (value) =>
  value !== value.trim() ? msg.REQUIRE_TRIMMED_STRING : undefined;
