import { isAbsolute, resolve } from 'node:path';
import { AppcmdError, isAppcmdError } from '../../errors.js';
import { startUiServer } from '../../ui/ui-server.js';
import { readConfiguration, type UiConfigSource } from '../../ui/config-source.js';
import { configFilePath } from '../config-path.js';
import { renderError, unexpected } from '../render/error.js';
import { CERT_FOLDER_SWITCHES, folderProblemLines, openCertFolder } from './cert-folder.js';
import { CommandSwitches } from './command-switches.js';
import type { CommandContext } from './context.js';
import { schemaDirsFor } from './open.js';

/**
 * `appcmd ui [/apphostconfig:…] [/certstore:DIR] [/port:N]` — serves IIS Manager's FTP SSL Settings
 * page on 127.0.0.1 and prints its address with a one-time token; opens nothing. Runs until Ctrl-C.
 */
export function uiCommand(ctx: CommandContext): number {
  const io = ctx.io;
  if (io.untilInterrupted === undefined || io.exitLater === undefined) throw new AppcmdError('UNSUPPORTED', 'appcmd ui needs a process to run in (it serves pages until Ctrl-C).');
  const switches = new CommandSwitches('ui', ctx.properties, { ...CERT_FOLDER_SWITCHES, port: 'value' });
  const port = portOf(switches.value('port'));
  const path = configFilePath(ctx.options.apphostconfig, io);
  const folder = openCertFolder(switches, ctx);
  if (folder !== undefined) for (const line of folderProblemLines(folder)) io.stderr(line);
  const source: UiConfigSource = {
    path: isAbsolute(path) ? path : resolve(io.cwd, path),
    open: { schemaDirs: schemaDirsFor(ctx), allowPlaintextSecrets: ctx.options.allowPlaintextSecrets },
    lockTimeoutMs: ctx.options.lockTimeoutMs,
    // Read again for every page, so that a certificate added to the folder shows up on reload.
    certStore: folder === undefined ? undefined : () => openCertFolder(switches, ctx) ?? folder,
  };
  // A file that does not exist or does not parse is reported now, not on the first page.
  readConfiguration(source);
  io.exitLater(serve(ctx, source, port, io.untilInterrupted.bind(io)));
  return 0;
}

async function serve(ctx: CommandContext, source: UiConfigSource, port: number, untilInterrupted: () => Promise<void>): Promise<number> {
  try {
    const server = await startUiServer({ source, port });
    ctx.io.stdout(`Serving FTP SSL Settings for ${source.path} (Ctrl-C to stop). Open this address in a browser on this machine:\n\n    ${server.url}\n\n`);
    await untilInterrupted();
    await server.close();
    ctx.io.stderr('Stopped.\n');
    return 0;
  } catch (e) {
    const err = isAppcmdError(e) ? e : unexpected(e);
    ctx.io.stderr(renderError(err));
    return err.win32;
  }
}

function portOf(text: string | undefined): number {
  if (text === undefined) return 0;
  const n = Number(text.trim());
  if (!/^\d{1,5}$/.test(text.trim()) || n > 65535) throw new AppcmdError('BAD_ARGUMENT', `Invalid /port value "${text}": give a port number from 1 to 65535 (0 or no /port: takes a free one).`);
  return n;
}
