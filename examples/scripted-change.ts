/**
 * Job 1, a scripted change: require FTP over SSL on one site through the typed views, show the
 * change as a diff first (--dry-run), and fail the way appcmd does (its exit code, IIS's text).
 *
 *   node dist/examples/scripted-change.js applicationHost.config ftp.example.com [--dry-run]
 */
import { fileURLToPath } from 'node:url';
import { AppcmdError, ServerManager, getSites, unifiedDiff } from 'appcmd-xplat';

export interface ChangeOutcome {
  readonly written: boolean;
  /** The change as a unified diff ("" when the site already required SSL). */
  readonly diff: string;
}

export function requireFtpSsl(applicationHostPath: string, siteName: string, dryRun = false): ChangeOutcome {
  // Writers take the file's lock before reading, so no other writer's change can be lost.
  const manager = ServerManager.openForWriting(applicationHostPath);
  try {
    const site = getSites(manager).get(siteName);
    if (site === undefined) throw new AppcmdError('OBJECT_NOT_FOUND', `Cannot find SITE object with identifier "${siteName}"`);
    const ssl = site.ftpServer.security.ssl;
    // Typed: 'SslRequire' is checked by the compiler here, and by the schema when written.
    ssl.controlChannelPolicy = 'SslRequire';
    ssl.dataChannelPolicy = 'SslRequire';
    const result = manager.commitChanges({ dryRun });
    return { written: result.written, diff: unifiedDiff(result) };
  } finally {
    manager.close();
  }
}

function cli(args: readonly string[]): number {
  const [file = 'applicationHost.config', site = 'Default Web Site'] = args.filter((a) => !a.startsWith('--'));
  try {
    const outcome = requireFtpSsl(file, site, args.includes('--dry-run'));
    process.stdout.write(outcome.diff === '' ? 'Nothing to change.\n' : outcome.diff);
    return 0;
  } catch (e) {
    if (!(e instanceof AppcmdError)) throw e;
    process.stderr.write(`ERROR ( message:${e.message} )\n${e.hints.map((h) => `  ${h}\n`).join('')}`);
    // appcmd's Win32 code; a POSIX shell sees it modulo 256.
    return e.win32;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = cli(process.argv.slice(2));
