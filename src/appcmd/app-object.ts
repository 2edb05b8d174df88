import type { ConfigurationElement } from '../config/element.js';

/** The objects appcmd manages over the configuration (besides CONFIG and BACKUP). */
export type ObjectType = 'SITE' | 'APP' | 'VDIR' | 'APPPOOL' | 'MODULE';

/** A property as appcmd shows it: name and text (`SITE.ID`, `"2"`). */
export type ObjectProperty = readonly [name: string, value: string];

/**
 * One appcmd object: a configuration element seen the way appcmd lists it. `properties` are the
 * attributes of its /xml form and the keys of its /text:* header, in appcmd's order; `summary`
 * is what the one-line form shows in parentheses.
 */
export interface AppObject {
  readonly type: ObjectType;
  /** The identifier appcmd prints in quotes and accepts back: `Default Web Site`, `Site/app`. */
  readonly name: string;
  readonly properties: readonly ObjectProperty[];
  readonly summary: readonly ObjectProperty[];
  /** The configuration element behind the object (<site>, <application>, <virtualDirectory>, <add>). */
  readonly element: ConfigurationElement;
  /** A typed view for JSON output. */
  readonly view: Readonly<Record<string, unknown>>;
  /**
   * An attribute of `element` (name case-insensitive) the object already holds, so that reading
   * it does not build the element: `list site /text:name` at 10,000 sites. Undefined: ask the element.
   */
  knownAttribute?(name: string): string | undefined;
}

/**
 * State is a runtime value (WAS and the FTP service know it; the file does not), so offline
 * every site and pool is `Unknown`.
 */
export const OFFLINE_STATE = 'Unknown';

/**
 * A property of an object by name, case-insensitive: first appcmd's properties (`SITE.NAME`,
 * `bindings`), then the element's attributes, dotted through child elements
 * (`processModel.identityType`). Undefined when neither has it.
 */
export function objectValue(object: AppObject, name: string): string | undefined {
  const lower = name.toLowerCase();
  const own = object.properties.find(([n]) => n.toLowerCase() === lower) ?? object.summary.find(([n]) => n.toLowerCase() === lower);
  if (own !== undefined) return own[1];
  const known = object.knownAttribute?.(name);
  if (known !== undefined) return known;
  const parts = name.split('.');
  let element: ConfigurationElement = object.element;
  for (const part of parts.slice(0, -1)) {
    if (element.schema.findElement(part) === undefined) return undefined;
    element = element.getChildElement(part);
  }
  const leaf = parts[parts.length - 1] ?? '';
  if (element.schema.findAttribute(leaf) === undefined) return undefined;
  return element.getAttribute(leaf).text;
}
