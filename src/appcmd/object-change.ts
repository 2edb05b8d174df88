import type { ObjectType } from './app-object.js';

/** What an object verb did, one entry per object touched; the CLI turns each into appcmd's line. */
export type ObjectAction = 'added' | 'changed' | 'deleted' | 'unchanged';

export interface ObjectChange {
  readonly type: ObjectType | 'BACKUP';
  readonly name: string;
  readonly action: ObjectAction;
}

/** appcmd's line for a change: `SITE object "x" added`. */
export function changeText(change: ObjectChange): string {
  return `${change.type} object "${change.name}" ${change.action}`;
}
