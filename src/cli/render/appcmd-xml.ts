import { escapeXmlAttribute } from './xml-object.js';

/** One object of appcmd's /xml output: its tag and attributes, and the lines nested inside it. */
export interface XmlEntry {
  readonly tag: string;
  readonly attributes: readonly (readonly [string, string])[];
  /** Already indented lines (the raw configuration of /xml /config); none: a self-closing element. */
  readonly body?: readonly string[];
}

/** The indentation of appcmd's /xml output. */
export const XML_UNIT = '    ';

/**
 * appcmd's /xml document: a declaration, <appcmd>, one element per object four spaces in, what
 * `appcmd ... /in` reads back.
 */
export function renderAppcmdXml(entries: readonly XmlEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<appcmd>'];
  for (const e of entries) {
    const attrs = e.attributes.map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join('');
    if (e.body === undefined || e.body.length === 0) {
      lines.push(`${XML_UNIT}<${e.tag}${attrs} />`);
      continue;
    }
    lines.push(`${XML_UNIT}<${e.tag}${attrs}>`, ...e.body, `${XML_UNIT}</${e.tag}>`);
  }
  lines.push('</appcmd>');
  return lines.join('\n') + '\n';
}
