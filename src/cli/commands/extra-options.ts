import type { ApplyOptions } from '../../appcmd/apply-switch.js';
import type { CommandContext } from './context.js';

/** --if-not-exists: an add whose object or item is already there, identical, is "unchanged" (exit 0), not 183. */
export function idempotentAdd(ctx: CommandContext): boolean {
  return ctx.options.ifNotExists;
}

/** --if-exists: a removal of an object or item that is not there is "unchanged" (exit 0), not 1168 or 4312. */
export function idempotentRemove(ctx: CommandContext): boolean {
  return ctx.options.ifExists;
}

/** Both, as a property parameter (/+[…], /-[…]) takes them. */
export function idempotence(ctx: CommandContext): Pick<ApplyOptions, 'idempotent' | 'ifExists'> {
  return { idempotent: idempotentAdd(ctx), ifExists: idempotentRemove(ctx) };
}

/** /in, or `-` as the identifier: the objects come as appcmd /xml on standard input. */
export function readsInput(ctx: CommandContext): boolean {
  return ctx.input === true || ctx.options.in || ctx.identifier === '-';
}
