import { parsePhysicalRoots, type PhysicalPathMapping } from '../config/physical-root.js';
import type { CliIO } from './io.js';
import type { GeneralOptions } from './options.js';

/**
 * The rules that map the sites' physical paths to folders here: every /physicalroot: first (so
 * they win over the environment on an equal prefix), then APPCMD_PHYSICALROOT. On Windows a path
 * no rule maps is the real one.
 */
export function physicalMappingFor(ctx: { readonly options: Pick<GeneralOptions, 'physicalRoots'>; readonly io: Pick<CliIO, 'env' | 'platform'> }): PhysicalPathMapping {
  const fromSwitch = ctx.options.physicalRoots.flatMap((v) => parsePhysicalRoots(v, '/physicalroot:'));
  const env = ctx.io.env['APPCMD_PHYSICALROOT'];
  const fromEnv = env === undefined ? [] : parsePhysicalRoots(env, 'APPCMD_PHYSICALROOT');
  return { roots: [...fromSwitch, ...fromEnv], windows: ctx.io.platform === 'win32', env: ctx.io.env };
}
