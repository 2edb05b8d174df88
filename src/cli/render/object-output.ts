import { AppcmdError } from '../../errors.js';
import { objectValue, type AppObject } from '../../appcmd/app-object.js';
import { renderAppcmdXml, XML_UNIT } from './appcmd-xml.js';
import { elementJson } from './element-json.js';
import { elementXmlLines, itemTag, type Secrets, type ValueMode } from './element-xml.js';
import { objectDetail, objectLine } from './object-text.js';

/** The output switches a LIST verb honours. */
export interface ObjectOutput {
  readonly json: boolean;
  readonly xml: boolean;
  /** /text:* (detail view) or /text:ATTRIBUTE (one bare value per object). */
  readonly text: string | undefined;
  /** /config (null) or /config:* ('*'): the raw configuration element, with or without defaults. */
  readonly config: string | null | undefined;
  readonly secrets: Secrets;
}

/** Objects in the format the switches ask for; empty text when there are none (as appcmd prints). */
export function renderObjects(objects: readonly AppObject[], out: ObjectOutput): string {
  const mode: ValueMode = out.config === '*' ? 'effective' : 'explicit';
  if (out.json && out.text !== undefined && out.text !== '' && out.text !== '*') {
    return JSON.stringify(objects.map((o) => textValue(o, out.text ?? ''))) + '\n';
  }
  if (out.json) {
    const withConfig = out.config !== undefined;
    return JSON.stringify(objects.map((o) => ({ object: o.type, ...o.view, ...(withConfig ? { config: elementJson(o.element, itemTag(o.element), { mode, secrets: out.secrets }) } : {}) })), null, 2) + '\n';
  }
  if (out.xml) {
    return renderAppcmdXml(
      objects.map((o) => ({
        tag: o.type,
        attributes: o.properties,
        body: out.config === undefined ? undefined : elementXmlLines(o.element, itemTag(o.element), 2, { mode, secrets: out.secrets, unit: XML_UNIT }),
      })),
    );
  }
  let lines: string[];
  if (out.text === '*') lines = objects.flatMap((o) => objectDetail(o, out.secrets));
  else if (out.text !== undefined && out.text !== '') lines = objects.map((o) => textValue(o, out.text ?? ''));
  else if (out.config !== undefined) lines = objects.flatMap((o) => elementXmlLines(o.element, itemTag(o.element), 0, { mode, secrets: out.secrets, unit: '  ' }));
  else lines = objects.map(objectLine);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** /text:ATTRIBUTE: appcmd's property, else the element's attribute (dotted through child elements). */
function textValue(o: AppObject, name: string): string {
  const value = objectValue(o, name);
  if (value !== undefined) return value;
  throw new AppcmdError('UNKNOWN_ATTRIBUTE', `Unknown attribute "${name}".  Replace with -? for help.`, {
    hints: [`${o.type} objects have ${o.properties.map(([n]) => n).join(', ')} and the attributes of <${itemTag(o.element)}> (e.g. /text:${o.element.schema.attributes[0]?.name ?? 'name'}).`],
  });
}
