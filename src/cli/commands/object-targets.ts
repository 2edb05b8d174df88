import { AppcmdError } from '../../errors.js';
import type { Configuration } from '../../config/configuration.js';
import type { AppObject } from '../../appcmd/app-object.js';
import type { CommandContext } from './context.js';
import { readsInput } from './extra-options.js';
import type { ObjectKind } from './object-kind.js';
import { readInputObjects } from './object-input.js';
import type { ObjectParams } from './object-params.js';

/**
 * The objects a SET, DELETE, START or STOP acts on: the identifier (positional, or its parameter
 * such as /site.name:), or every object read with /in.
 */
export function targetObjects(ctx: CommandContext, config: Configuration, kind: ObjectKind, params: ObjectParams): AppObject[] {
  const verb = ctx.verb.toUpperCase();
  return targetNames(ctx, kind, params).map((name) => kind.find(config, name, verb));
}

/** The identifiers of the objects a verb acts on, as given (see targetObjects). */
export function targetNames(ctx: CommandContext, kind: ObjectKind, params: ObjectParams): string[] {
  if (readsInput(ctx)) {
    return readInputObjects(ctx, kind.type).map((input) => {
      const name = input.attribute(`${kind.type}.NAME`);
      if (name === undefined) throw new AppcmdError('VALUE_INVALID', `A <${kind.type}> in the input has no ${kind.type}.NAME attribute.`);
      return name;
    });
  }
  const byParameter = params.named.get(kind.idSwitch);
  const identifier = ctx.identifier ?? byParameter;
  if (identifier === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `${ctx.verb.toLowerCase()} ${kind.type.toLowerCase()} needs the ${kind.type} object's identifier, or /${kind.idSwitch}:.`, {
      hints: [`Example: ${kind.examples.set}`],
    });
  }
  if (byParameter !== undefined && ctx.identifier !== undefined && byParameter !== ctx.identifier) {
    throw new AppcmdError('BAD_ARGUMENT', `Two identifiers were given: "${ctx.identifier}" and /${kind.idSwitch}:${byParameter}.`);
  }
  return [identifier];
}
