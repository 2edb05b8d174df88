import { AppcmdError } from '../../errors.js';
import { OFFLINE_STATE, type AppObject } from '../../appcmd/app-object.js';
import { applyPropertyChange } from '../../appcmd/apply-switch.js';
import { matchesFilters, type PropertyFilter } from '../../appcmd/filter.js';
import { changeText, type ObjectChange } from '../../appcmd/object-change.js';
import { checkKeyChange } from '../../appcmd/unique-key.js';
import { ifPresent } from '../../config/if-exists.js';
import { renderObjects, type ObjectOutput } from '../render/object-output.js';
import { completeWrite, pendingNotes } from './commit.js';
import type { CommandContext } from './context.js';
import { idempotence, idempotentAdd, idempotentRemove, readsInput } from './extra-options.js';
import type { ObjectKind } from './object-kind.js';
import { readInputObjects } from './object-input.js';
import { splitParams } from './object-params.js';
import { targetNames, targetObjects } from './object-targets.js';
import { openConfiguration, type OpenedConfiguration } from './open.js';

// appcmd's verbs over one object type (SITE, APP, VDIR, APPPOOL); the kind holds what differs.

export function listObjects(ctx: CommandContext, kind: ObjectKind): number {
  const opened = openConfiguration(ctx);
  const config = opened.config;
  let objects: AppObject[];
  if (readsInput(ctx)) objects = targetObjects(ctx, config, kind, { named: new Map(), changes: [] });
  else if (ctx.identifier !== undefined) objects = [kind.find(config, ctx.identifier, 'LIST')];
  else objects = kind.list(config);
  const filters = ctx.properties.map((sw): PropertyFilter => {
    if (sw.operator !== 'set' || sw.value === undefined) throw new AppcmdError('BAD_ARGUMENT', `"${sw.raw}" is not a filter: list ${kind.type.toLowerCase()} takes /property:value (e.g. /name:"$=*x*").`);
    return { name: sw.name, value: sw.value };
  });
  objects = objects.filter((o) => matchesFilters(o, filters));
  const notes = pendingNotes(ctx, opened);
  if (filters.some((f) => f.name.toLowerCase() === 'state' && f.value.toLowerCase() !== OFFLINE_STATE.toLowerCase())) {
    notes.push(`Note: state is a runtime value the file does not hold; offline every ${kind.type} is "${OFFLINE_STATE}".${kind.type === 'SITE' ? ' Filter on /serverAutoStart:false for sites that do not start with the server.' : ''}`);
  }
  for (const n of notes) ctx.io.stderr(`${n}\n`);
  ctx.io.stdout(renderObjects(objects, objectOutput(ctx)));
  return 0;
}

/** The output switches of a LIST verb, as the command line gives them. */
export function objectOutput(ctx: CommandContext): ObjectOutput {
  return { json: ctx.options.json, xml: ctx.options.xml, text: ctx.options.text, config: ctx.options.config, secrets: ctx.options.showSecrets ? 'shown' : 'masked' };
}

export function addObjects(ctx: CommandContext, kind: ObjectKind): number {
  if (ctx.identifier !== undefined && ctx.identifier !== '-') {
    throw new AppcmdError('BAD_ARGUMENT', `add ${kind.type.toLowerCase()} takes its values as parameters, not an identifier ("${ctx.identifier}").`, { hints: [`Example: ${kind.examples.add}`] });
  }
  const opened = openConfiguration(ctx, 'touched');
  const params = splitParams(ctx.properties, kind.addParams);
  const idempotent = idempotentAdd(ctx);
  const changes: ObjectChange[] = [];
  const notes: string[] = [];
  if (readsInput(ctx)) {
    for (const input of readInputObjects(ctx, kind.type)) {
      const r = kind.addFromInput(opened.config, input, params.changes, idempotent);
      changes.push(...r.changes);
      notes.push(...r.notes);
    }
  } else {
    const r = kind.add(opened.config, params, idempotent);
    changes.push(...r.changes);
    notes.push(...r.notes);
  }
  return finishObjectChanges(ctx, opened, changes, notes);
}

export function setObjects(ctx: CommandContext, kind: ObjectKind): number {
  const opened = openConfiguration(ctx, 'touched');
  const params = splitParams(ctx.properties, [kind.idSwitch]);
  // --if-exists: an object that is not there has nothing to set (a module sets, then adds with --if-not-exists).
  const targets = targetNames(ctx, kind, params).flatMap((name) => ifPresent(idempotentRemove(ctx), () => kind.find(opened.config, name, ctx.verb.toUpperCase())) ?? []);
  if (params.changes.length === 0) {
    throw new AppcmdError('BAD_ARGUMENT', `Nothing to set: give at least one /attribute:value parameter.`, { hints: [`Example: ${kind.examples.set}`] });
  }
  const idempotent = idempotence(ctx);
  const notes: string[] = [];
  for (const o of targets) {
    for (const c of params.changes) {
      if (kind.setSpecial?.(o, c) === true) continue;
      if (c.operator === 'set' && c.value !== undefined && !/[.[]/.test(c.name)) checkKeyChange(o.element, c.name, c.value);
      notes.push(...applyPropertyChange(o.element, c, idempotent));
    }
  }
  return finishObjectChanges(
    ctx,
    opened,
    targets.map((o): ObjectChange => ({ type: o.type, name: o.name, action: 'changed' })),
    notes,
  );
}

export function deleteObjects(ctx: CommandContext, kind: ObjectKind): number {
  const opened = openConfiguration(ctx, 'touched');
  const params = splitParams(ctx.properties, [kind.idSwitch]);
  if (params.changes.length > 0) throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${params.changes[0]?.raw ?? ''}" for delete ${kind.type.toLowerCase()}.`);
  // Every target is found before the first is removed; with --if-exists an absent one is "unchanged".
  const targets = targetNames(ctx, kind, params).map((name) => ({ name, object: ifPresent(idempotentRemove(ctx), () => kind.find(opened.config, name, ctx.verb.toUpperCase())) }));
  return finishObjectChanges(ctx, opened, targets.map((t): ObjectChange => (t.object === undefined ? { type: kind.type, name: t.name, action: 'unchanged' } : kind.remove(t.object))), []);
}

/**
 * START and STOP act on the running server, which an offline tool cannot reach; what it can do
 * is decide whether the object starts with the server (serverAutoStart, autoStart), which is
 * what IIS Manager also writes when it starts or stops a site.
 */
export function startStop(ctx: CommandContext, kind: ObjectKind, start: boolean): number {
  const opened = openConfiguration(ctx, 'touched');
  const params = splitParams(ctx.properties, [kind.idSwitch]);
  if (params.changes.length > 0) throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${params.changes[0]?.raw ?? ''}" for ${ctx.verb.toLowerCase()} ${kind.type.toLowerCase()}.`);
  const targets = targetObjects(ctx, opened.config, kind, params);
  const written = targets.map((o) => ({ name: o.name, attributes: kind.setAutoStart?.(o, start) ?? [] }));
  const attribute = kind.type === 'SITE' ? 'serverAutoStart' : 'autoStart';
  const word = start ? 'started' : 'stopped';
  return completeWrite(ctx, opened, {
    lines: targets.map((o) => `"${o.name}" successfully ${word}`),
    json: { objects: written.map((w) => ({ object: kind.type, name: w.name, action: word, written: w.attributes })) },
    notes: [`Note: offline, ${ctx.verb.toLowerCase()} ${kind.type.toLowerCase()} sets ${attribute}="${String(start)}" (whether it starts with the server); a running server is not contacted.`],
  });
}

/** Commits an object verb's changes and prints appcmd's lines (`SITE object "x" added`). */
export function finishObjectChanges(ctx: CommandContext, opened: OpenedConfiguration, changes: readonly ObjectChange[], notes: readonly string[]): number {
  return completeWrite(ctx, opened, {
    lines: changes.map(changeText),
    json: { objects: changes.map((c) => ({ object: c.type, name: c.name, action: c.action })) },
    notes,
  });
}
