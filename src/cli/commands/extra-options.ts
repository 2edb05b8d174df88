import type { CommandContext } from './context.js';

/** --if-not-exists: an add whose object or item is already there, identical, is "unchanged" (exit 0), not 183. */
export function idempotentAdd(ctx: CommandContext): boolean {
  return ctx.options.ifNotExists;
}

/** /in, or `-` as the identifier: the objects come as appcmd /xml on standard input. */
export function readsInput(ctx: CommandContext): boolean {
  return ctx.input === true || ctx.options.in || ctx.identifier === '-';
}
