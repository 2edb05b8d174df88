import { XmlCursor } from '../xml/cursor.js';
import { isPending } from '../xml/pending.js';
import type { ConfigurationElement } from './element.js';

/** A section's element in the parsed tables. */
export interface SectionRow {
  readonly cur: XmlCursor;
  readonly row: number;
}

/**
 * The row of a section that reads the same from the parsed tables as from the element model, for
 * the readers that skip the model on large sections (list config, list site). Undefined when only
 * the model has the answer: the section inherits (a location level over the server's), it is not
 * in the file as parsed, or the document has edits pending (a batch's earlier lines), which the
 * tables do not show.
 */
export function parsedSectionRow(section: ConfigurationElement): SectionRow | undefined {
  const node = section.node;
  if (section.inherited !== undefined || node === undefined || isPending(node)) return undefined;
  if (section.document.editor.version !== 0) return undefined;
  const cur = XmlCursor.of(section.document.xml);
  return { cur, row: cur.row(node) };
}
