import type { ConfigurationAttribute } from '../../config/attribute.js';
import type { ConfigurationElement } from '../../config/element.js';
import { maskSecret } from '../../store/encrypted-value.js';
import { escapeXmlAttribute } from './xml-object.js';

/** Which values an element shows: those written in the file (/config) or every effective one (/config:*). */
export type ValueMode = 'explicit' | 'effective';

/** Secrets are masked unless --show-secrets (output ends up in logs and tickets). */
export type Secrets = 'masked' | 'shown';

export interface ElementRender {
  readonly mode: ValueMode;
  readonly secrets: Secrets;
  /** One level of indentation: two spaces in appcmd's text output, four in its /xml output. */
  readonly unit: string;
}

/**
 * A configuration element as XML lines, the way appcmd prints raw configuration (/config and
 * /xml): attributes, then every child element of the schema (an absent one as `<limits />`),
 * then the effective collection items. Values are escaped so the output parses back (/in).
 */
export function elementXmlLines(el: ConfigurationElement, tag: string, depth: number, r: ElementRender): string[] {
  const lines: string[] = [];
  write(el, tag, depth, r, lines);
  return lines;
}

// Recursion is bounded by the schema's depth (only schema elements are walked).
function write(el: ConfigurationElement, tag: string, depth: number, r: ElementRender, lines: string[]): void {
  const pad = r.unit.repeat(depth);
  const attrs = attributesOf(el, r)
    .map((a) => ` ${a.name}="${escapeXmlAttribute(a.text)}"`)
    .join('');
  const children = el.childElements;
  const items = el.hasCollection ? el.getCollection().items() : [];
  if (children.length === 0 && items.length === 0) {
    lines.push(`${pad}<${tag}${attrs} />`);
    return;
  }
  lines.push(`${pad}<${tag}${attrs}>`);
  for (const c of children) write(c, c.elementName, depth + 1, r, lines);
  for (const item of items) write(item, itemTag(item), depth + 1, r, lines);
  lines.push(`${pad}</${tag}>`);
}

/** The attributes to show, with secrets masked as asked. */
export function attributesOf(el: ConfigurationElement, r: Pick<ElementRender, 'mode' | 'secrets'>): { name: string; text: string }[] {
  const list: ConfigurationAttribute[] = r.mode === 'effective' ? el.attributes : el.explicitAttributes;
  return list.map((a) => ({ name: a.name, text: r.secrets === 'shown' ? a.text : maskSecret(a.text, a.schema?.encrypted === true) }));
}

/** A collection item's tag as written (`add`, or one of several add names), else the schema's. */
export function itemTag(item: ConfigurationElement): string {
  return item.node?.name ?? item.elementName;
}
