import type { ElementSchema, SchemaSet } from '../schema/types.js';
import { APP_KIND, VDIR_KIND } from './commands/app-vdir-kinds.js';
import { APPPOOL_KIND } from './commands/apppool-kind.js';
import { auditFtpSslCommand } from './commands/audit.js';
import { addBackupCommand, deleteBackupCommand, listBackupCommand, restoreBackupCommand } from './commands/backup.js';
import { clearConfig } from './commands/clear-config.js';
import type { CommandContext } from './commands/context.js';
import { listFtpSsl, setFtpSsl } from './commands/ftp-ssl.js';
import { listCert } from './commands/list-cert.js';
import { listConfig } from './commands/list-config.js';
import { lockConfig, unlockConfig } from './commands/lock-config.js';
import { addObjects, deleteObjects, listObjects, setObjects, startStop } from './commands/object-verbs.js';
import { addModuleCommand, deleteModuleCommand, installModuleCommand, listModule, setModuleCommand, uninstallModuleCommand } from './commands/module.js';
import { recycleApppool } from './commands/recycle.js';
import { searchConfigCommand } from './commands/search-config.js';
import { setConfig } from './commands/set-config.js';
import { SITE_KIND } from './commands/site-kind.js';

export type Command = (ctx: CommandContext) => number;

/** `appcmd set site /?` and a line of `appcmd site /?`: the usage and what the verb does here. */
export interface VerbHelp {
  readonly usage: string;
  readonly text: string;
}

export interface Verb {
  readonly run: Command;
  /**
   * The verb changes files: a command that opens the configuration then opens it as a writer,
   * which takes the lock before it reads (no lost update); readers never wait.
   */
  readonly writes: boolean;
  readonly help?: VerbHelp;
}

/**
 * One appcmd object: everything dispatch, help and the lock need to know about it. Every command
 * runs inside `appcmd batch` too: a writing one ends in completeWrite, which leaves the commit to
 * the batch; one that works on files other than the configuration (backups) refuses itself.
 */
export interface AppcmdObject {
  /** Lower case, as dispatch matches it (the plural is accepted too). */
  readonly name: string;
  /** Its line in `appcmd /?`. */
  readonly summary: string;
  /** Verbs in appcmd's order. Objects whose verbs have help get an `appcmd OBJECT /?` page. */
  readonly verbs: Readonly<Record<string, Verb>>;
  /** Said at the end of `appcmd OBJECT /?`. */
  readonly note?: string;
  /** The schema element whose attribute paths `add`/`set OBJECT /?` list. */
  readonly element?: (schema: SchemaSet) => ElementSchema | undefined;
}

const reads = (run: Command, usage?: string, text?: string): Verb => ({ run, writes: false, ...helpOf(usage, text) });
const writes = (run: Command, usage?: string, text?: string): Verb => ({ run, writes: true, ...helpOf(usage, text) });

function helpOf(usage: string | undefined, text: string | undefined): { help?: VerbHelp } {
  return usage === undefined || text === undefined ? {} : { help: { usage, text } };
}

const STATE_NOTE =
  'state is a runtime value that applicationHost.config does not hold: offline it is always Unknown.\n' +
  'start and stop set whether the object starts with the server (serverAutoStart, autoStart).';

const siteItem = (schema: SchemaSet): ElementSchema | undefined => schema.getSection('system.applicationHost/sites')?.collection?.item;

/**
 * appcmd's objects and verbs, in the order `appcmd /?` lists them. Adding a verb is one entry
 * here and its command; dispatch, help, batch and the writer's lock read it from this table.
 */
export const APPCMD_OBJECTS: readonly AppcmdObject[] = [
  {
    name: 'site',
    summary: 'Administration of virtual sites',
    note: STATE_NOTE,
    element: siteItem,
    verbs: {
      list: reads((ctx) => listObjects(ctx, SITE_KIND), 'appcmd list site [NAME] [/property:value ...] [/text:* | /text:NAME | /xml] [/config[:*]]', 'List sites: SITE "name" (id:N,bindings:proto/info,...,state:Unknown). Filters: /name:"$=*x*", /serverAutoStart:false, /id:2 ...'),
      add: writes((ctx) => addObjects(ctx, SITE_KIND), 'appcmd add site /name:NAME [/id:N] [/bindings:http/*:80:,ftp://*:21] [/physicalPath:DIR] [/attribute.path:value ...]', 'Add a site; /physicalPath also adds its root application and virtual directory. Without /id the lowest free id is used.'),
      set: writes((ctx) => setObjects(ctx, SITE_KIND), 'appcmd set site NAME | /site.name:NAME /attribute.path:value /+collection.[keys] /-collection.[keys] ...', 'Change a site; /bindings:"http/*:80:,https/*:443:" replaces every binding.'),
      delete: writes((ctx) => deleteObjects(ctx, SITE_KIND), 'appcmd delete site NAME | /site.name:NAME', 'Delete a site with its applications and virtual directories.'),
      start: writes((ctx) => startStop(ctx, SITE_KIND, true), 'appcmd start site NAME', 'Offline: sets serverAutoStart="true" (and ftpServer/@serverAutoStart for an FTP site).'),
      stop: writes((ctx) => startStop(ctx, SITE_KIND, false), 'appcmd stop site NAME', 'Offline: sets serverAutoStart="false" (and ftpServer/@serverAutoStart for an FTP site).'),
    },
  },
  {
    name: 'app',
    summary: 'Administration of applications',
    element: (schema) => siteItem(schema)?.collection?.item,
    verbs: {
      list: reads((ctx) => listObjects(ctx, APP_KIND), 'appcmd list app ["SITE/path"] [/site.name:S] [/apppool.name:P] [/text:* | /xml] [/config[:*]]', 'List applications: APP "Site/app" (applicationPool:P).'),
      add: writes((ctx) => addObjects(ctx, APP_KIND), 'appcmd add app /site.name:SITE /path:/app1 [/physicalPath:DIR] [/applicationPool:P]', 'Add an application; /physicalPath also adds its root virtual directory.'),
      set: writes((ctx) => setObjects(ctx, APP_KIND), 'appcmd set app "SITE/" | "SITE/path" | /app.name:... /attribute:value ...', 'Change an application. The identifier is exact: "Site/" for the root, "Site/app" (no trailing slash) for others.'),
      delete: writes((ctx) => deleteObjects(ctx, APP_KIND), 'appcmd delete app "SITE/path"', 'Delete an application with its virtual directories.'),
    },
  },
  {
    name: 'vdir',
    summary: 'Administration of virtual directories',
    element: (schema) => siteItem(schema)?.collection?.item.collection?.item,
    verbs: {
      list: reads((ctx) => listObjects(ctx, VDIR_KIND), 'appcmd list vdir ["SITE/path"] [/app.name:"SITE/"] [/text:physicalPath | /xml] [/config[:*]]', 'List virtual directories: VDIR "Site/" (physicalPath:...).'),
      add: writes((ctx) => addObjects(ctx, VDIR_KIND), 'appcmd add vdir /app.name:"SITE/app" /path:/dir [/physicalPath:DIR]', 'Add a virtual directory to an application.'),
      set: writes((ctx) => setObjects(ctx, VDIR_KIND), 'appcmd set vdir "SITE/" | /vdir.name:... /physicalPath:DIR ...', 'Change a virtual directory ("Site/" is the root one, "Site/app/" the root one of an application).'),
      delete: writes((ctx) => deleteObjects(ctx, VDIR_KIND), 'appcmd delete vdir "SITE/dir"', 'Delete a virtual directory.'),
    },
  },
  {
    name: 'apppool',
    summary: 'Administration of application pools',
    note: STATE_NOTE,
    element: (schema) => schema.getSection('system.applicationHost/applicationPools')?.collection?.item,
    verbs: {
      list: reads((ctx) => listObjects(ctx, APPPOOL_KIND), 'appcmd list apppool [NAME] [/property:value ...] [/text:* | /text:name | /xml] [/config[:*]]', 'List pools: APPPOOL "name" (MgdVersion:v4.0,MgdMode:Integrated,state:Unknown).'),
      add: writes((ctx) => addObjects(ctx, APPPOOL_KIND), 'appcmd add apppool /name:NAME [/attribute.path:value ...]', 'Add an application pool.'),
      set: writes((ctx) => setObjects(ctx, APPPOOL_KIND), 'appcmd set apppool NAME /attribute.path:value /+collection.[keys] ...', 'Change an application pool.'),
      delete: writes((ctx) => deleteObjects(ctx, APPPOOL_KIND), 'appcmd delete apppool NAME', 'Delete an application pool (applications that use it keep the name).'),
      start: writes((ctx) => startStop(ctx, APPPOOL_KIND, true), 'appcmd start apppool NAME', 'Offline: sets autoStart="true".'),
      stop: writes((ctx) => startStop(ctx, APPPOOL_KIND, false), 'appcmd stop apppool NAME', 'Offline: sets autoStart="false".'),
      // Refused: there is nothing in the file to change, so it never takes the lock.
      recycle: reads(recycleApppool, 'appcmd recycle apppool NAME', 'Not available offline: recycling acts on running worker processes.'),
    },
  },
  {
    name: 'config',
    summary: 'Administration of general configuration sections',
    verbs: {
      list: reads(listConfig),
      set: writes(setConfig),
      clear: writes(clearConfig),
      lock: writes(lockConfig),
      unlock: writes(unlockConfig),
      search: reads(searchConfigCommand),
    },
  },
  {
    name: 'module',
    summary: 'Administration of server modules',
    note:
      'install and uninstall change the server (system.webServer/globalModules, and modules at the server level);\n' +
      'add, set and delete change system.webServer/modules at the server or, with /app.name:, in a <location path> of applicationHost.config.',
    element: (schema) => schema.getSection('system.webServer/modules')?.collection?.item,
    verbs: {
      list: reads(listModule, 'appcmd list module [NAME] [/app.name:"SITE/app"] [/text:* | /text:NAME | /xml]', 'List enabled modules: MODULE "x" ( native:true, image:... ) or MODULE "x" ( type:..., preCondition:... ).'),
      install: writes(installModuleCommand, 'appcmd install module /name:NAME /image:PATH [/preCondition:...] [/add:true|false] [/lock:true|false]', 'Install a native module (globalModules) and, unless /add:false, enable it at the server level.'),
      uninstall: writes(uninstallModuleCommand, 'appcmd uninstall module NAME', 'Uninstall a native module: out of globalModules and the server-level modules.'),
      add: writes(addModuleCommand, 'appcmd add module /name:NAME [/type:Namespace.Type] [/preCondition:...] [/app.name:"SITE/app"]', 'Enable a module: a managed one with /type, or a native one already installed.'),
      set: writes(setModuleCommand, 'appcmd set module NAME [/type:Namespace.Type] [/preCondition:...] [/app.name:"SITE/app"]', 'Change the type or preCondition of a module enabled at the server or at an application.'),
      delete: writes(deleteModuleCommand, 'appcmd delete module NAME [/app.name:"SITE/app"]', 'Disable a module at the server or at an application (an inherited one gets a <remove>).'),
    },
  },
  {
    name: 'backup',
    summary: 'Administration of server configuration backups',
    note:
      'A backup is a folder holding applicationHost.config (and administration.config, redirection.config when present).\n' +
      'Backups go to inetsrv\\backup beside the inetsrv\\config folder, as IIS keeps them; a file outside a folder\n' +
      'named "config" gets a "backup" folder beside it. /backupdir:DIR puts them elsewhere.',
    verbs: {
      list: reads(listBackupCommand, 'appcmd list backup [NAME] [/backupdir:DIR]', 'List backups: BACKUP "name".'),
      add: writes(addBackupCommand, 'appcmd add backup [NAME] [/backupdir:DIR]', 'Back up the configuration; without a name the local time yyyyMMddTHHmmss names it.'),
      restore: writes(restoreBackupCommand, 'appcmd restore backup NAME [/backupdir:DIR]', 'Restore a backup atomically; the configuration it replaces is backed up first.'),
      delete: writes(deleteBackupCommand, 'appcmd delete backup NAME [/backupdir:DIR]', 'Delete a backup.'),
    },
  },
  {
    name: 'ftpssl',
    summary: "FTP over SSL settings of a site, as IIS Manager's page (docs/ftp-ssl.md)",
    verbs: {
      list: reads(listFtpSsl),
      set: writes(setFtpSsl),
      audit: reads(auditFtpSslCommand),
    },
  },
  {
    name: 'cert',
    summary: 'Certificates of a certificate store folder',
    verbs: { list: reads(listCert) },
  },
];

const BY_NAME: ReadonlyMap<string, AppcmdObject> = new Map(APPCMD_OBJECTS.map((o) => [o.name, o]));

/** The object named `name` (lower case), also in the plural as appcmd accepts it (`sites`). */
export function appcmdObject(name: string): AppcmdObject | undefined {
  return BY_NAME.get(name) ?? (name.endsWith('s') ? BY_NAME.get(name.slice(0, -1)) : undefined);
}
