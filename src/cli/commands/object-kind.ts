import type { Configuration } from '../../config/configuration.js';
import type { AppObject, ObjectType } from '../../appcmd/app-object.js';
import type { PropertyChange } from '../../appcmd/apply-switch.js';
import type { ObjectChange } from '../../appcmd/object-change.js';
import type { InputObject } from './object-input.js';
import type { ObjectParams } from './object-params.js';

/** What an add did: appcmd's object lines (SITE, then APP, then VDIR) and the write notes. */
export interface AddOutcome {
  readonly changes: readonly ObjectChange[];
  readonly notes: readonly string[];
}

/**
 * The per-object part of appcmd's verbs (SITE, APP, VDIR, APPPOOL); the verbs themselves
 * (object-verbs.ts) are the same for every object.
 */
export interface ObjectKind {
  readonly type: ObjectType;
  /** The parameter that may stand for the identifier: `site.name`, `app.name`, … (lower case). */
  readonly idSwitch: string;
  /** Named parameters of ADD, lower case; the others are attribute paths of the new element. */
  readonly addParams: readonly string[];
  list(config: Configuration): AppObject[];
  find(config: Configuration, identifier: string, verb: string): AppObject;
  remove(object: AppObject): ObjectChange;
  add(config: Configuration, params: ObjectParams, idempotent: boolean): AddOutcome;
  /** ADD from /in: the object's raw configuration when listed with /config, else its attributes. */
  addFromInput(config: Configuration, input: InputObject, extra: readonly PropertyChange[], idempotent: boolean): AddOutcome;
  /** A SET parameter this object handles itself (a site's /bindings:); false: a plain attribute path. */
  setSpecial?(object: AppObject, change: PropertyChange): boolean;
  /** START/STOP offline: the attributes that decide whether the object starts with the server. */
  setAutoStart?(object: AppObject, start: boolean): string[];
  /** Command lines for help and error hints. */
  readonly examples: { readonly add: string; readonly set: string };
}
