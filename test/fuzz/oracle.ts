import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { run } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';
import { ServerManager } from '../../src/config/server-manager.js';
import { isAppcmdError } from '../../src/errors.js';

/** What can go wrong in one case; none of them may ever happen. */
export type Finding =
  | 'uncaught' // run() threw instead of returning a status
  | 'internal' // a failure that was not an AppcmdError (exit 1359: a bug reported as such)
  | 'stack-trace' // a stack trace reached the user
  | 'silent-failure' // non-zero exit with nothing on stderr
  | 'changed-on-failure' // a failed command changed the file
  | 'broken-write' // a successful command left a file that no longer reads
  | 'litter'; // a lock or temp file left beside the config

export interface CaseResult {
  readonly code: number;
  readonly stderr: string;
  readonly wrote: boolean;
  readonly findings: readonly Finding[];
}

function identity(file: string): { bytes: Buffer; mtimeNs: bigint; ino: bigint } {
  const s = statSync(file, { bigint: true });
  return { bytes: readFileSync(file), mtimeNs: s.mtimeNs, ino: s.ino };
}

/**
 * Runs one command line in-process against `file` (appended last, so it always wins) and checks
 * every promise. The litter check waits one turn of the event loop: a command that failed before
 * committing releases its lock when its synchronous run is over, as the CLI process does on exit.
 */
export async function runCase(file: string, argv: readonly string[]): Promise<CaseResult> {
  const before = identity(file);
  let stderr = '';
  let code: number;
  const findings: Finding[] = [];
  const io: CliIO = { stdout: () => undefined, stderr: (t) => void (stderr += t), env: {}, platform: 'linux', cwd: dirname(file), isTTY: false };
  try {
    code = run([...argv, `--apphostconfig=${file}`], io);
  } catch (e) {
    findings.push('uncaught');
    stderr += e instanceof Error ? (e.stack ?? e.message) : String(e);
    code = -1;
  }
  const after = identity(file);
  const wrote = !after.bytes.equals(before.bytes) || after.ino !== before.ino || after.mtimeNs !== before.mtimeNs;
  if (code === 1359) findings.push('internal');
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(stderr)) findings.push('stack-trace');
  if (code !== 0 && stderr.trim() === '') findings.push('silent-failure');
  if (code !== 0 && wrote) findings.push('changed-on-failure');
  if (code === 0 && wrote && !readsBack(file)) findings.push('broken-write');
  await new Promise((resolve) => setImmediate(resolve));
  const litter = readdirSync(dirname(file)).filter((n) => n !== basename(file));
  if (litter.length > 0) findings.push('litter');
  return { code, stderr, wrote, findings };
}

/** A file this tool wrote must parse again; schema complaints about the rest of the file are not ours to judge. */
function readsBack(file: string): boolean {
  try {
    ServerManager.open(file).getApplicationHostConfiguration();
    return true;
  } catch (e) {
    return isAppcmdError(e) && e.code !== 'XML_MALFORMED' && e.code !== 'XML_FORBIDDEN' && e.code !== 'FILE_ENCODING';
  }
}
