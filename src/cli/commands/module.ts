import { AppcmdError } from '../../errors.js';
import { addModule, deleteModule, findModule, installModule, listModules, setModule, uninstallModule, type ModuleSet } from '../../appcmd/modules.js';
import { missingParameter } from '../../appcmd/object-errors.js';
import { locationPathOf } from '../../config/location.js';
import { renderObjects } from '../render/object-output.js';
import { pendingNotes } from './commit.js';
import type { CommandContext } from './context.js';
import { idempotentAdd, idempotentRemove } from './extra-options.js';
import { finishObjectChanges, objectOutput } from './object-verbs.js';
import { splitParams, type ObjectParams } from './object-params.js';
import { openConfiguration } from './open.js';

// appcmd's MODULE verbs. Unlike SITE or APPPOOL a module lives at a path (/app.name:), so these
// are verbs of their own over src/appcmd/modules.ts rather than an ObjectKind.

export const MODULE_EXAMPLES = {
  install: 'appcmd install module /name:MyModule /image:%windir%\\System32\\inetsrv\\mymodule.dll',
  add: 'appcmd add module /name:MyModule /type:MyNamespace.MyModule [/app.name:"Default Web Site/"]',
  set: 'appcmd set module MyModule /preCondition:managedHandler [/app.name:"Default Web Site/"]',
};

/** /app.name:"Site/app" as the location it names; `Site/` and `Site` are the site's root. */
function locationOf(params: ObjectParams): string {
  return locationPathOf(params.named.get('app.name'));
}

function only(ctx: CommandContext, names: readonly string[]): ObjectParams {
  const params = splitParams(ctx.properties, names);
  const extra = params.changes[0];
  if (extra !== undefined) throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${extra.raw}" for ${ctx.verb.toLowerCase()} module.`, { hints: [`It takes /${names.join(': /')}:`] });
  return params;
}

function moduleName(ctx: CommandContext, params: ObjectParams, example: string): string {
  const name = ctx.identifier ?? params.named.get('name') ?? params.named.get('module.name');
  if (name === undefined || name === '') throw missingParameter('MODULE', ctx.verb, '/name', example);
  return name;
}

/** /add:true|false and /lock:true|false, as appcmd spells booleans. */
function flag(params: ObjectParams, name: string, fallback: boolean): boolean {
  const v = params.named.get(name);
  if (v === undefined) return fallback;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new AppcmdError('VALUE_INVALID', `/${name}:${v} is not a boolean: use /${name}:true or /${name}:false.`);
}

const optional = (params: ObjectParams, name: string): string | undefined => params.named.get(name);

export function listModule(ctx: CommandContext): number {
  const opened = openConfiguration(ctx);
  const params = only(ctx, ['app.name']);
  const location = locationOf(params);
  const objects = ctx.identifier === undefined ? listModules(opened.config, location) : [findModule(opened.config, location, ctx.identifier)];
  for (const n of pendingNotes(ctx, opened)) ctx.io.stderr(`${n}\n`);
  ctx.io.stdout(renderObjects(objects, objectOutput(ctx)));
  return 0;
}

export function installModuleCommand(ctx: CommandContext): number {
  const opened = openConfiguration(ctx, 'touched');
  const params = only(ctx, ['name', 'module.name', 'image', 'precondition', 'add', 'lock']);
  const name = moduleName(ctx, params, MODULE_EXAMPLES.install);
  const image = optional(params, 'image');
  if (image === undefined || image === '') throw missingParameter('MODULE', 'install', '/image', MODULE_EXAMPLES.install);
  const preCondition = optional(params, 'precondition');
  const add = flag(params, 'add', true);
  const lock = flag(params, 'lock', false);
  if (lock && !add) throw new AppcmdError('BAD_ARGUMENT', '/lock:true locks the server-level entry of the module in system.webServer/modules, which /add:false does not write; nothing was written.', { hints: ['Leave out /add:false, or /lock:true.'] });
  const r = installModule(
    opened.config,
    { name, image, ...(preCondition === undefined ? {} : { preCondition }), add, lock },
    { idempotent: idempotentAdd(ctx) },
  );
  return finishObjectChanges(ctx, opened, r.changes, r.notes);
}

export function uninstallModuleCommand(ctx: CommandContext): number {
  const opened = openConfiguration(ctx, 'touched');
  const params = only(ctx, ['name', 'module.name']);
  const change = uninstallModule(opened.config, moduleName(ctx, params, 'appcmd uninstall module MyModule'), { idempotent: idempotentRemove(ctx) });
  return finishObjectChanges(ctx, opened, [change], []);
}

/** What add and set module take: the name, /type: and /preCondition: as given, and the location. */
function moduleParams(ctx: CommandContext, example: string): { name: string; module: ModuleSet; location: string } {
  const params = only(ctx, ['name', 'module.name', 'type', 'precondition', 'app.name']);
  const type = optional(params, 'type');
  const preCondition = optional(params, 'precondition');
  return {
    name: moduleName(ctx, params, example),
    module: { ...(type === undefined ? {} : { type }), ...(preCondition === undefined ? {} : { preCondition }) },
    location: locationOf(params),
  };
}

export function addModuleCommand(ctx: CommandContext): number {
  const opened = openConfiguration(ctx, 'touched');
  const { name, module, location } = moduleParams(ctx, MODULE_EXAMPLES.add);
  const r = addModule(opened.config, location, { name, ...module }, { idempotent: idempotentAdd(ctx) });
  return finishObjectChanges(ctx, opened, r.changes, r.notes);
}

export function setModuleCommand(ctx: CommandContext): number {
  const opened = openConfiguration(ctx, 'touched');
  const { name, module, location } = moduleParams(ctx, MODULE_EXAMPLES.set);
  if (Object.keys(module).length === 0) throw new AppcmdError('BAD_ARGUMENT', 'Nothing to set: give /type: or /preCondition:.', { hints: [`Example: ${MODULE_EXAMPLES.set}`] });
  const r = setModule(opened.config, location, name, module, { idempotent: idempotentRemove(ctx) });
  return finishObjectChanges(ctx, opened, [r.change], r.notes);
}

export function deleteModuleCommand(ctx: CommandContext): number {
  const opened = openConfiguration(ctx, 'touched');
  const params = only(ctx, ['name', 'module.name', 'app.name']);
  const change = deleteModule(opened.config, locationOf(params), moduleName(ctx, params, 'appcmd delete module MyModule [/app.name:"Default Web Site/"]'), {
    idempotent: idempotentRemove(ctx),
  });
  return finishObjectChanges(ctx, opened, [change], []);
}
