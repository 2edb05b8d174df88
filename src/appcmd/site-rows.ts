import type { ConfigurationElement } from '../config/element.js';
import { parsedSectionRow } from '../config/section-rows.js';
import type { BindingSpec } from '../config/views/bindings.js';
import type { CollectionSchema } from '../schema/types.js';
import type { XmlCursor } from '../xml/cursor.js';

/** What `list site` shows of a site that the rows hold explicitly. */
export interface SiteFields {
  readonly name: string;
  readonly id: string;
  readonly bindings: readonly BindingSpec[];
}

/**
 * The sites of a server-level sites section read straight from the parsed tables, in file order:
 * per site its name, id and bindings, or undefined where the model must say (a value left to
 * siteDefaults or the schema, no written binding). At 10,000 sites the element model made an
 * element, collection and attribute object per site and binding for three values each, and
 * collecting them was most of `list site` after the section's validation.
 *
 * Undefined as a whole when the section is not as parsed (parsedSectionRow) or the sites or a
 * site's bindings have a <clear/> or <remove/>, which only the model applies.
 */
export function siteFieldsFromRows(section: ConfigurationElement): (SiteFields | undefined)[] | undefined {
  const parsed = parsedSectionRow(section);
  const sites = section.schema.collection;
  const bindings = sites?.item.getElement('bindings');
  if (parsed === undefined || sites === undefined || bindings?.collection === undefined) return undefined;
  const { cur, row } = parsed;
  const siteRows = itemRows(cur, row, sites);
  if (siteRows === undefined) return undefined;
  const bindingsId = cur.elementNameId(bindings.name);
  const bindingItems = itemRowsOf(cur, bindings.collection);
  const out: (SiteFields | undefined)[] = [];
  for (const site of siteRows) {
    const bindingsRow = cur.childWithNameId(site, bindingsId);
    const bindingRows = bindingsRow === -1 ? [] : bindingItems(bindingsRow);
    if (bindingRows === undefined) return undefined;
    out.push(siteFields(cur, site, bindingRows));
  }
  return out;
}

function siteFields(cur: XmlCursor, site: number, bindingRows: readonly number[]): SiteFields | undefined {
  const name = cur.find(site, 'name');
  const id = cur.find(site, 'id');
  if (name === undefined || id === undefined || bindingRows.length === 0) return undefined;
  const bindings: BindingSpec[] = [];
  for (const b of bindingRows) {
    const protocol = cur.find(b, 'protocol');
    const bindingInformation = cur.find(b, 'bindingInformation');
    if (protocol === undefined || bindingInformation === undefined) return undefined;
    bindings.push({ protocol, bindingInformation });
  }
  return { name, id, bindings };
}

/** The item rows of a collection's element, or undefined when it has a <clear/> or <remove/>. */
function itemRows(cur: XmlCursor, row: number, collection: CollectionSchema): number[] | undefined {
  return itemRowsOf(cur, collection)(row);
}

/** itemRows for many elements of one collection schema: the names are looked up once. */
function itemRowsOf(cur: XmlCursor, collection: CollectionSchema): (row: number) => number[] | undefined {
  const ids = (names: readonly (string | undefined)[]): number[] => names.map((n) => cur.elementNameId(n)).filter((id) => id !== -1);
  const items = ids(collection.addElementNames);
  const stops = ids([collection.clearElementName, collection.removeElementName]);
  return (row) => cur.itemRows(row, items, stops);
}
