import type { ConfigurationElement } from '../../config/element.js';
import { configPathOf } from '../../config/location.js';
import type { SectionState } from '../../appcmd/config-object.js';
import { renderAppcmdXml, XML_UNIT } from './appcmd-xml.js';
import { elementJson } from './element-json.js';
import { elementXmlLines, type Secrets, type ValueMode } from './element-xml.js';

/** A section at a path, as appcmd's CONFIG object. */
export interface ConfigObject {
  readonly sectionPath: string;
  readonly location: string;
  readonly state: SectionState;
  readonly section: ConfigurationElement;
}

/**
 * appcmd's CONFIG objects in /xml: `<CONFIG CONFIG.SECTION="…" path="…" overrideMode="…"
 * locked="…">` around the section, whose element is named after its path with `/` as `-`
 * (`<system.applicationHost-sites>`), the form `set config /in` reads back.
 */
export function configObjectsXml(objects: readonly ConfigObject[], mode: ValueMode, secrets: Secrets): string {
  return renderAppcmdXml(
    objects.map((o) => ({
      tag: 'CONFIG',
      attributes: [
        ['CONFIG.SECTION', o.sectionPath],
        ['path', configPathOf(o.location)],
        ['overrideMode', o.state.overrideMode],
        ['locked', String(o.state.locked)],
      ],
      body: elementXmlLines(o.section, sectionTag(o.sectionPath), 2, { mode, secrets, unit: XML_UNIT }),
    })),
  );
}

export function configObjectsJson(objects: readonly ConfigObject[], mode: ValueMode, secrets: Secrets): string {
  const list = objects.map((o) => ({
    object: 'CONFIG',
    section: o.sectionPath,
    path: configPathOf(o.location),
    overrideMode: o.state.overrideMode,
    locked: o.state.locked,
    config: elementJson(o.section, o.sectionPath, { mode, secrets }),
  }));
  return JSON.stringify(list, null, 2) + '\n';
}

/** `system.webServer/security/access` → `system.webServer-security-access`. */
export function sectionTag(sectionPath: string): string {
  return sectionPath.replace(/\//g, '-');
}
