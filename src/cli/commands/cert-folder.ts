import { isAbsolute, resolve } from 'node:path';
import { CertificateStoreFolder } from '../../cert/store-folder.js';
import type { GeneralOptions } from '../options.js';
import type { CommandSwitches } from './command-switches.js';
import type { CommandContext } from './context.js';

/** Switches every certificate-aware command takes. */
export const CERT_FOLDER_SWITCHES = { certstore: 'value', certpassword: 'value' } as const;

/**
 * /certstore:, /certpassword: and /force are meant to become general switches (set config needs
 * them too). Until GeneralOptions has these fields they arrive as properties; reading both places
 * lets the commands work before and after that change without an edit.
 */
interface CertGeneralOptions {
  readonly certStore?: string;
  readonly certPassword?: string;
  readonly force?: boolean;
}

function general(ctx: CommandContext): CertGeneralOptions {
  const options: GeneralOptions & CertGeneralOptions = ctx.options;
  return options;
}

/** /force as a property or as a general switch. */
export function forced(switches: CommandSwitches, ctx: CommandContext): boolean {
  return switches.flag('force') || general(ctx).force === true;
}

/**
 * The certificate folder named by /certstore:DIR, else APPCMD_CERTSTORE (so that CI can check
 * every write without changing command lines); undefined when neither is given. The PKCS#12
 * password comes from /certpassword:, else APPCMD_CERTPASSWORD (which keeps it out of the
 * process list and shell history).
 */
export function openCertFolder(switches: CommandSwitches, ctx: CommandContext): CertificateStoreFolder | undefined {
  const io = ctx.io;
  const dir = switches.value('certstore') ?? general(ctx).certStore ?? nonEmpty(io.env['APPCMD_CERTSTORE']);
  if (dir === undefined) return undefined;
  const password = switches.value('certpassword') ?? general(ctx).certPassword ?? io.env['APPCMD_CERTPASSWORD'];
  return CertificateStoreFolder.open(isAbsolute(dir) ? dir : resolve(io.cwd, dir), password === undefined ? {} : { password });
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** Lines for stderr about files of the folder that could not be read. */
export function folderProblemLines(folder: CertificateStoreFolder): string[] {
  return folder.problems.map((p) => `Warning: ${p.file}: ${p.message}\n`);
}
