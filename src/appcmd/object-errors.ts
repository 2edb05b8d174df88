import { AppcmdError } from '../errors.js';
import { closest } from '../config/suggest.js';
import type { ObjectType } from './app-object.js';

/** appcmd's `Cannot find SITE object with identifier "x".` (1168), with the nearest names as a hint. */
export function objectNotFound(type: ObjectType | 'BACKUP', identifier: string, known: readonly string[] = []): AppcmdError {
  const near = closest(identifier, [...known]);
  return new AppcmdError('OBJECT_NOT_FOUND', `Cannot find ${type} object with identifier "${identifier}".`, {
    hints: near.length > 0 ? [`Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`] : [],
  });
}

/**
 * appcmd's text when an identifier is not in the exact form an object is named by (50). The
 * misspelling "identifer" is appcmd's own, kept so that scripts matching the text still match.
 */
export function inexactIdentifier(type: ObjectType, verb: string, hint: string): AppcmdError {
  return new AppcmdError('UNSUPPORTED', `Must use exact identifer for ${type} object with verb ${verb.toUpperCase()}.`, { hints: [hint] });
}

/** appcmd's duplicate text for object verbs (183): "Failed to add duplicate collection element". */
export function duplicateObject(key: string, hint?: string): AppcmdError {
  return new AppcmdError('DUPLICATE', `Failed to add duplicate collection element "${key}".`, { hints: hint === undefined ? [] : [hint] });
}

/** A required parameter of an object verb is missing (ours: appcmd's text is not known). */
export function missingParameter(type: ObjectType, verb: string, parameter: string, example: string): AppcmdError {
  return new AppcmdError('BAD_ARGUMENT', `${verb.toLowerCase()} ${type.toLowerCase()} needs the ${parameter} parameter.`, { hints: [`Example: ${example}`] });
}
