import { join } from 'node:path';
import { AppcmdError } from '../errors.js';

/**
 * One rule of /physicalroot: a prefix of IIS physical paths (a drive `D:`, a variable
 * `%SystemDrive%`, a UNC share `\\fs01\share`) and the local folder that holds what it names.
 */
export interface PhysicalRoot {
  readonly prefix: string;
  readonly folder: string;
}

/** How the physicalPath of a site, application or virtual directory becomes a folder here. */
export interface PhysicalPathMapping {
  readonly roots: readonly PhysicalRoot[];
  /** On Windows an unmapped path is the real path (after its %variables% are expanded). */
  readonly windows: boolean;
  /** Where %variables% other than those the roots name are looked up (case-insensitively). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const NO_MAPPING: PhysicalPathMapping = { roots: [], windows: false, env: {} };

/**
 * `PREFIX=FOLDER;PREFIX=FOLDER` (the form of /physicalroot: and APPCMD_PHYSICALROOT). `;` separates
 * rules because `:` is part of a drive and `,` may be part of a folder name.
 */
export function parsePhysicalRoots(text: string, source: string): PhysicalRoot[] {
  const out: PhysicalRoot[] = [];
  for (const rule of text.split(';')) {
    if (rule.trim() === '') continue;
    const eq = rule.indexOf('=');
    const prefix = eq < 0 ? '' : windowsForm(rule.slice(0, eq).trim()).replace(/\\+$/, '');
    const folder = eq < 0 ? '' : rule.slice(eq + 1).trim();
    if (prefix === '' || folder === '') {
      throw new AppcmdError('BAD_ARGUMENT', `Invalid physical root "${rule}" in ${source}: give PREFIX=FOLDER, e.g. C:=/srv/c, %SystemDrive%=/srv/c or \\\\fs01\\share=/mnt/fs01.`);
    }
    out.push({ prefix, folder });
  }
  return out;
}

/**
 * The local folder of an IIS physical path, or undefined when no rule maps it. The longest
 * matching prefix wins (`D:\sites=/a` before `D:=/b`); without a matching rule a leading
 * `%SystemDrive%` is IIS's default `C:` and other variables come from the environment, and the
 * expanded path is tried again. A POSIX absolute path is already local.
 */
export function mapPhysicalPath(mapping: PhysicalPathMapping, physicalPath: string): string | undefined {
  const path = windowsForm(physicalPath.trim());
  const direct = byRoot(mapping.roots, path);
  if (direct !== undefined) return direct;
  const expanded = expandVariables(path, mapping);
  if (expanded === undefined) return undefined;
  const viaExpanded = expanded === path ? undefined : byRoot(mapping.roots, expanded);
  if (viaExpanded !== undefined) return viaExpanded;
  if (mapping.windows) return expanded;
  return physicalPath.startsWith('/') && !physicalPath.startsWith('//') ? physicalPath : undefined;
}

/** The prefix a /physicalroot: rule would need for this path (for the error that asks for one). */
export function rootPrefixOf(physicalPath: string): string {
  const path = windowsForm(physicalPath.trim());
  const unc = /^\\\\[^\\]+\\[^\\]+/.exec(path);
  if (unc !== null) return unc[0];
  const variable = /^%[^%]+%/.exec(path);
  if (variable !== null) return variable[0];
  const drive = /^[A-Za-z]:/.exec(path);
  return drive !== null ? drive[0].toUpperCase() : path;
}

/** The error for a physicalPath no rule maps: whose path it is, the path, and the switch that would map it. */
export function unmappedPathError(owner: string, physicalPath: string): AppcmdError {
  const prefix = rootPrefixOf(physicalPath);
  return new AppcmdError('UNSUPPORTED', `Cannot find the folder of ${owner}: its physicalPath "${physicalPath}" is not mapped to a folder on this machine.`, {
    hints: [`Map it with /physicalroot:${prefix}=/local/folder (or APPCMD_PHYSICALROOT="${prefix}=/local/folder"); several rules are separated by ";".`],
  });
}

function byRoot(roots: readonly PhysicalRoot[], path: string): string | undefined {
  let best: PhysicalRoot | undefined;
  const lower = path.toLowerCase();
  for (const root of roots) {
    const p = root.prefix.toLowerCase();
    const fits = lower === p || (lower.startsWith(p) && lower[p.length] === '\\');
    if (fits && (best === undefined || root.prefix.length > best.prefix.length)) best = root;
  }
  if (best === undefined) return undefined;
  const rest = path.slice(best.prefix.length).split('\\').filter((s) => s !== '' && s !== '.');
  return rest.length === 0 ? best.folder : join(best.folder, ...rest);
}

function expandVariables(path: string, mapping: PhysicalPathMapping): string | undefined {
  let missing = false;
  const out = path.replace(/%([^%\\]+)%/g, (whole, name: string) => {
    const value = lookup(mapping.env, name) ?? (name.toLowerCase() === 'systemdrive' ? 'C:' : undefined);
    if (value === undefined) missing = true;
    return value ?? whole;
  });
  return missing ? undefined : out;
}

function lookup(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

function windowsForm(path: string): string {
  return path.replace(/\//g, '\\');
}
