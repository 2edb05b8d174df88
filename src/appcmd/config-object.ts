import type { Configuration } from '../config/configuration.js';
import { lockedAbove, locationsAt, sectionUnder } from '../config/location.js';

/** What appcmd's CONFIG object says about a section at a path, beside its content. */
export interface SectionState {
  /** overrideMode of the <location> holding the section at this path; `Inherit` when none says. */
  readonly overrideMode: 'Allow' | 'Deny' | 'Inherit';
  /** Whether the section is locked for this path (set at a level above with Deny, or Deny by default). */
  readonly locked: boolean;
}

export function sectionState(config: Configuration, sectionPath: string, location: string): SectionState {
  const doc = config.document;
  let overrideMode: SectionState['overrideMode'] = 'Inherit';
  for (const l of locationsAt(doc, location)) {
    const mode = doc.editor.getAttribute(l, 'overrideMode');
    if ((mode === 'Allow' || mode === 'Deny') && sectionUnder(doc, l, sectionPath) !== undefined) overrideMode = mode;
  }
  if (location === '') return { overrideMode, locked: false };
  const byDefault = config.declarationOf(sectionPath)?.overrideModeDefault === 'Deny' && !allowedAbove(config, sectionPath, location);
  return { overrideMode, locked: byDefault || lockedAbove(doc, sectionPath, location) !== undefined };
}

/** Whether a level above the path (server included) unlocks the section with overrideMode="Allow". */
function allowedAbove(config: Configuration, sectionPath: string, location: string): boolean {
  const doc = config.document;
  const parts = location.split('/');
  const above = ['', ...parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'))];
  return above.some((p) => locationsAt(doc, p).some((l) => doc.editor.getAttribute(l, 'overrideMode') === 'Allow' && sectionUnder(doc, l, sectionPath) !== undefined));
}
