import type { ElementSchema, SchemaSet } from '../../schema/types.js';
import { settablePaths } from './schema-paths.js';

interface VerbHelp {
  readonly usage: string;
  readonly text: string;
}

const STATE_NOTE =
  'state is a runtime value that applicationHost.config does not hold: offline it is always Unknown.\n' +
  'start and stop set whether the object starts with the server (serverAutoStart, autoStart).';

/** Verbs per object, in appcmd's order, with the usage line and what each does here. */
const OBJECTS: Readonly<Record<string, { readonly title: string; readonly verbs: Readonly<Record<string, VerbHelp>>; readonly note?: string }>> = {
  site: {
    title: 'SITE: Administration of virtual sites',
    note: STATE_NOTE,
    verbs: {
      list: { usage: 'appcmd list site [NAME] [/property:value ...] [/text:* | /text:NAME | /xml] [/config[:*]]', text: 'List sites: SITE "name" (id:N,bindings:proto/info,...,state:Unknown). Filters: /name:"$=*x*", /serverAutoStart:false, /id:2 ...' },
      add: { usage: 'appcmd add site /name:NAME [/id:N] [/bindings:http/*:80:,ftp://*:21] [/physicalPath:DIR] [/attribute.path:value ...]', text: 'Add a site; /physicalPath also adds its root application and virtual directory. Without /id the lowest free id is used.' },
      set: { usage: 'appcmd set site NAME | /site.name:NAME /attribute.path:value /+collection.[keys] /-collection.[keys] ...', text: 'Change a site; /bindings:"http/*:80:,https/*:443:" replaces every binding.' },
      delete: { usage: 'appcmd delete site NAME | /site.name:NAME', text: 'Delete a site with its applications and virtual directories.' },
      start: { usage: 'appcmd start site NAME', text: 'Offline: sets serverAutoStart="true" (and ftpServer/@serverAutoStart for an FTP site).' },
      stop: { usage: 'appcmd stop site NAME', text: 'Offline: sets serverAutoStart="false" (and ftpServer/@serverAutoStart for an FTP site).' },
    },
  },
  app: {
    title: 'APP: Administration of applications',
    verbs: {
      list: { usage: 'appcmd list app ["SITE/path"] [/site.name:S] [/apppool.name:P] [/text:* | /xml] [/config[:*]]', text: 'List applications: APP "Site/app" (applicationPool:P).' },
      add: { usage: 'appcmd add app /site.name:SITE /path:/app1 [/physicalPath:DIR] [/applicationPool:P]', text: 'Add an application; /physicalPath also adds its root virtual directory.' },
      set: { usage: 'appcmd set app "SITE/" | "SITE/path" | /app.name:... /attribute:value ...', text: 'Change an application. The identifier is exact: "Site/" for the root, "Site/app" (no trailing slash) for others.' },
      delete: { usage: 'appcmd delete app "SITE/path"', text: 'Delete an application with its virtual directories.' },
    },
  },
  vdir: {
    title: 'VDIR: Administration of virtual directories',
    verbs: {
      list: { usage: 'appcmd list vdir ["SITE/path"] [/app.name:"SITE/"] [/text:physicalPath | /xml] [/config[:*]]', text: 'List virtual directories: VDIR "Site/" (physicalPath:...).' },
      add: { usage: 'appcmd add vdir /app.name:"SITE/app" /path:/dir [/physicalPath:DIR]', text: 'Add a virtual directory to an application.' },
      set: { usage: 'appcmd set vdir "SITE/" | /vdir.name:... /physicalPath:DIR ...', text: 'Change a virtual directory ("Site/" is the root one, "Site/app/" the root one of an application).' },
      delete: { usage: 'appcmd delete vdir "SITE/dir"', text: 'Delete a virtual directory.' },
    },
  },
  apppool: {
    title: 'APPPOOL: Administration of application pools',
    note: STATE_NOTE,
    verbs: {
      list: { usage: 'appcmd list apppool [NAME] [/property:value ...] [/text:* | /text:name | /xml] [/config[:*]]', text: 'List pools: APPPOOL "name" (MgdVersion:v4.0,MgdMode:Integrated,state:Unknown).' },
      add: { usage: 'appcmd add apppool /name:NAME [/attribute.path:value ...]', text: 'Add an application pool.' },
      set: { usage: 'appcmd set apppool NAME /attribute.path:value /+collection.[keys] ...', text: 'Change an application pool.' },
      delete: { usage: 'appcmd delete apppool NAME', text: 'Delete an application pool (applications that use it keep the name).' },
      start: { usage: 'appcmd start apppool NAME', text: 'Offline: sets autoStart="true".' },
      stop: { usage: 'appcmd stop apppool NAME', text: 'Offline: sets autoStart="false".' },
      recycle: { usage: 'appcmd recycle apppool NAME', text: 'Not available offline: recycling acts on running worker processes.' },
    },
  },
  backup: {
    title: 'BACKUP: Administration of server configuration backups',
    note:
      'A backup is a folder holding applicationHost.config (and administration.config, redirection.config when present).\n' +
      'Backups go to inetsrv\\backup beside the inetsrv\\config folder, as IIS keeps them; a file outside a folder\n' +
      'named "config" gets a "backup" folder beside it. /backupdir:DIR puts them elsewhere.',
    verbs: {
      list: { usage: 'appcmd list backup [NAME] [/backupdir:DIR]', text: 'List backups: BACKUP "name".' },
      add: { usage: 'appcmd add backup [NAME] [/backupdir:DIR]', text: 'Back up the configuration; without a name the local time yyyyMMddTHHmmss names it.' },
      restore: { usage: 'appcmd restore backup NAME [/backupdir:DIR]', text: 'Restore a backup atomically; the configuration it replaces is backed up first.' },
      delete: { usage: 'appcmd delete backup NAME [/backupdir:DIR]', text: 'Delete a backup.' },
    },
  },
};

export function isHelpObject(object: string): boolean {
  return OBJECTS[object] !== undefined;
}

/** `appcmd site /?`: the verbs of one object. */
export function objectHelp(object: string): string {
  const o = OBJECTS[object];
  if (o === undefined) return '';
  const verbs = Object.entries(o.verbs).map(([verb, h]) => `  ${verb.padEnd(8)}${h.text}\n      ${h.usage}`);
  return `${o.title}\n\nSupported verbs:\n\n${verbs.join('\n')}\n${o.note === undefined ? '' : `\n${o.note}\n`}`;
}

/**
 * `appcmd set site /?`: the verb's usage and, for add and set, every attribute path of the
 * object's element, from the schema in use.
 */
export function verbHelp(verb: string, object: string, schema: SchemaSet): string | undefined {
  const h = OBJECTS[object]?.verbs[verb];
  if (h === undefined) return undefined;
  const element = verb === 'add' || verb === 'set' ? objectElement(object, schema) : undefined;
  const paths = element === undefined ? '' : `\nAttributes of <${element.name}> (parameters of ${verb} ${object}):\n\n${settablePaths(element).join('\n')}\n`;
  return `${h.usage}\n\n${h.text}\n${paths}`;
}

/** `appcmd set config -section:NAME /?`: every settable path of the section. */
export function sectionHelp(sectionPath: string, schema: SchemaSet): string {
  const section = schema.getSection(sectionPath);
  if (section === undefined) return `No schema describes section "${sectionPath}".\n`;
  return `Settable attributes of ${section.path} (appcmd set config -section:${section.path} /PATH:VALUE):\n\n${settablePaths(section).join('\n')}\n`;
}

function objectElement(object: string, schema: SchemaSet): ElementSchema | undefined {
  const sites = schema.getSection('system.applicationHost/sites')?.collection?.item;
  switch (object) {
    case 'site':
      return sites;
    case 'app':
      return sites?.collection?.item;
    case 'vdir':
      return sites?.collection?.item.collection?.item;
    case 'apppool':
      return schema.getSection('system.applicationHost/applicationPools')?.collection?.item;
    default:
      return undefined;
  }
}

/** `appcmd batch /?`. */
export function batchHelp(): string {
  return `appcmd batch [FILE|-] [/apphostconfig:PATH] [--dry-run] [--json]

Runs appcmd command lines, one a line (# starts a comment; a leading "appcmd" or "appcmd.exe" is
allowed), in this process against one parse of the file, and writes the file once at the end.
All or nothing: the first failing line stops the batch, is named in the error, and nothing is
written. Lines may use config, site, app, vdir and apppool commands; --dry-run prints the diff of
the whole batch. Without FILE (or with -), the lines are read from standard input.
`;
}
