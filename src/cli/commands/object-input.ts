import { AppcmdError } from '../../errors.js';
import { parseXml } from '../../xml/reader.js';
import type { XmlElement } from '../../xml/types.js';
import type { CommandContext } from './context.js';

/** One object read with /in: `<SITE SITE.NAME="x" …><site …>…</site></SITE>`. */
export interface InputObject {
  readonly type: string;
  readonly element: XmlElement;
  /** The raw configuration element inside it (present when listed with /config), if any. */
  readonly config: XmlElement | undefined;
  /** An attribute of the object element, by name, case-insensitive (`SITE.NAME`). */
  attribute(name: string): string | undefined;
}

/** The name standard input has in messages. */
const STDIN = '<stdin>';

/**
 * Reads appcmd /xml from standard input (what `appcmd list … /xml` prints) and returns its
 * objects of one type. Anything but an <appcmd> document is refused: a command given the wrong
 * input must not silently do nothing.
 */
export function readInputObjects(ctx: CommandContext, type: string): InputObject[] {
  const read = ctx.io.readStdin;
  if (read === undefined) throw new AppcmdError('UNSUPPORTED', 'This caller provides no standard input to read /in from.');
  const text = read().replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new AppcmdError('BAD_ARGUMENT', 'Nothing to read: /in (or -) expects the /xml output of an appcmd command on standard input.', {
      hints: [`For example: appcmd list ${type.toLowerCase()} /xml /config | appcmd ${ctx.verb} ${type.toLowerCase()} /in`],
    });
  }
  const root = parseXml(text, { fileName: STDIN }).root;
  if (root.name !== 'appcmd') {
    throw new AppcmdError('VALUE_INVALID', `The input is not appcmd /xml output: its root element is <${root.name}>, not <appcmd>.`, { file: STDIN });
  }
  const wanted = type.toUpperCase();
  const objects = root.children.filter((c) => c.name.toUpperCase() === wanted).map(inputObject);
  const others = root.children.filter((c) => c.name.toUpperCase() !== wanted);
  if (objects.length === 0 && others.length > 0) {
    throw new AppcmdError('VALUE_INVALID', `The input holds ${others[0]?.name ?? ''} objects, not ${wanted} objects.`, { file: STDIN });
  }
  return objects;
}

function inputObject(element: XmlElement): InputObject {
  return {
    type: element.name.toUpperCase(),
    element,
    config: element.children[0],
    attribute: (name) => element.attributes.find((a) => a.name.toLowerCase() === name.toLowerCase())?.value,
  };
}
