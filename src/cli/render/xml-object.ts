/** appcmd's /xml output: a declaration, <appcmd>, one self-closing element per object, four-space indent. */
export function renderXmlObjects(objects: readonly { readonly tag: string; readonly attributes: readonly (readonly [string, string])[] }[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<appcmd>'];
  for (const o of objects) {
    const attrs = o.attributes.map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join('');
    lines.push(`    <${o.tag}${attrs} />`);
  }
  lines.push('</appcmd>');
  return lines.join('\n') + '\n';
}

export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\n\r\t]/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
