import type { ConfigurationElement } from '../../config/element.js';
import type { AppObject } from '../../appcmd/app-object.js';
import { attributesOf, itemTag, type Secrets } from './element-xml.js';

/**
 * appcmd's one-line form: `SITE "Default Web Site" (id:1,bindings:http/*:80:,state:Unknown)`.
 * MODULE lines are spaced, as appcmd prints them: `MODULE "x" ( native:true, image:… )`.
 */
export function objectLine(o: AppObject): string {
  const parts = o.summary.map(([k, v]) => `${k}:${v}`);
  return o.type === 'MODULE' ? `${o.type} "${o.name}" ( ${parts.join(', ')} )` : `${o.type} "${o.name}" (${parts.join(',')})`;
}

/**
 * appcmd's /text:* detail view: the object type, its properties as `  KEY: value`, then its
 * configuration element with every effective value as `name:"value"` under `[element]` headers,
 * two more spaces per level.
 */
export function objectDetail(o: AppObject, secrets: Secrets): string[] {
  const lines = [o.type, ...o.properties.map(([k, v]) => `  ${k}: ${v}`)];
  detail(o.element, itemTag(o.element), 1, secrets, lines);
  return lines;
}

// Bounded by the schema's depth, as every walk over configuration elements.
function detail(el: ConfigurationElement, tag: string, depth: number, secrets: Secrets, lines: string[]): void {
  const pad = '  '.repeat(depth);
  lines.push(`${pad}[${tag}]`);
  for (const a of attributesOf(el, { mode: 'effective', secrets })) lines.push(`${pad}  ${a.name}:"${a.text}"`);
  for (const c of el.childElements) detail(c, c.elementName, depth + 1, secrets, lines);
  if (el.hasCollection) for (const item of el.getCollection().items()) detail(item, itemTag(item), depth + 1, secrets, lines);
}
