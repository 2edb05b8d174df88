import { existsSync, readFileSync } from 'node:fs';
import { AppcmdError, isAppcmdError } from '../../errors.js';
import { splitCommandLine } from '../command-line.js';
import type { CliIO } from '../io.js';
import type { GeneralOptions } from '../options.js';
import type { Switch } from '../tokenizer.js';
import { unexpected } from '../render/error.js';
import { BatchSession } from './batch-session.js';
import { printCommits } from './commit.js';
import type { CommandContext } from './context.js';

/** Runs one command line against the batch's configuration; throws what the command throws. */
export type LineRunner = (argv: readonly string[], io: CliIO, session: BatchSession) => number;

interface LineOutput {
  readonly line: number;
  readonly command: string;
  readonly stdout: string;
}

/**
 * `appcmd batch [FILE|-]`: one appcmd command line per line (`#` starts a comment; a leading
 * `appcmd` or `appcmd.exe` is allowed, so a .cmd script's lines work as they are), all run in
 * this process against one parse of the file, which is written once at the end (with every
 * web.config the lines changed, each file atomic). All or nothing: the first failing line stops
 * the batch, names the line, and nothing is written.
 */
export function batchCommand(ctx: CommandContext, source: string | undefined, runLine: LineRunner): number {
  const { name, text } = readSource(ctx, source);
  const session = new BatchSession(ctx.options, ctx.io);
  const outputs: LineOutput[] = [];
  try {
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
      const args = commandArguments(raw);
      if (args.length === 0) return;
      outputs.push({ line: i + 1, command: raw.trim(), stdout: runOne(args, i + 1, raw.trim(), name, ctx.io, session, runLine) });
    });
    const committed = session.commit();
    report(ctx, session, outputs, committed);
    return 0;
  } finally {
    session.close();
  }
}

function runOne(args: string[], line: number, command: string, source: string, io: CliIO, session: BatchSession, runLine: LineRunner): string {
  let stdout = '';
  const lineIo: CliIO = { ...io, stdout: (t) => void (stdout += t), readStdin: undefined };
  try {
    const code = runLine(args, lineIo, session);
    if (code !== 0) throw new AppcmdError('BAD_ARGUMENT', `The command exited with ${code}.`);
  } catch (e) {
    const err = isAppcmdError(e) ? e : unexpected(e);
    throw err.withContext({
      file: err.file ?? source,
      line: err.file === undefined ? line : err.line,
      hints: [`at ${source} line ${line}: ${command}`, 'Nothing was written: a batch is applied all or nothing.'],
    });
  }
  return stdout;
}

function report(ctx: CommandContext, session: BatchSession, outputs: readonly LineOutput[], committed: ReturnType<BatchSession['commit']>): void {
  const stats = { commands: outputs.length, parses: session.parses, writes: session.writes };
  if (!ctx.options.json && !ctx.options.dryRun) ctx.io.stdout(outputs.map((o) => o.stdout).join(''));
  // Each line's output is read back as JSON only when --json asks for it: a batch of 1,000 text
  // lines would otherwise throw and catch 1,000 parse errors.
  const lines = ctx.options.json ? outputs.map((o) => ({ line: o.line, command: o.command, output: parsed(o.stdout) })) : [];
  const json = { object: 'BATCH', ...stats, lines };
  if (committed === undefined) {
    if (ctx.options.json) ctx.io.stdout(JSON.stringify({ ...json, changed: false, written: false }, null, 2) + '\n');
    return;
  }
  printCommits(ctx, committed, { lines: [], json });
}

/** A line's --json output as JSON (one document per command), else its text. */
function parsed(stdout: string): unknown {
  const t = stdout.trim();
  if (t === '') return null;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return t;
  }
}

/** A line's arguments: comments and blank lines give none; a leading appcmd[.exe] is dropped. */
function commandArguments(line: string): string[] {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return [];
  const args = splitCommandLine(trimmed);
  if (args.length > 0 && /(^|[\\/])appcmd(\.exe)?$/i.test(args[0] ?? '')) args.shift();
  return args;
}

function readSource(ctx: CommandContext, source: string | undefined): { name: string; text: string } {
  if (source === undefined || source === '-') {
    const read = ctx.io.readStdin;
    if (read === undefined) throw new AppcmdError('UNSUPPORTED', 'No standard input to read the batch from; give the batch file: appcmd batch FILE.');
    return { name: '<stdin>', text: read().replace(/^\uFEFF/, '') };
  }
  try {
    return { name: source, text: readFileSync(source, 'utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    throw new AppcmdError('FILE_NOT_FOUND', `Cannot read batch file "${source}": ${(e as Error).message}`, { file: source, cause: e });
  }
}

/**
 * A line's general options: what concerns the file and the output (which file, schema, lock,
 * --dry-run, --json, secrets) is the batch's; the rest (-section:, /commit:, /text:…) the line's.
 */
export function lineOptions(batch: GeneralOptions, line: GeneralOptions): GeneralOptions {
  return {
    ...line,
    apphostconfig: line.apphostconfig ?? batch.apphostconfig,
    schemaDirs: batch.schemaDirs,
    lockTimeoutMs: batch.lockTimeoutMs,
    json: batch.json,
    dryRun: batch.dryRun,
    diff: batch.diff,
    showSecrets: batch.showSecrets,
    allowPlaintextSecrets: batch.allowPlaintextSecrets,
  };
}

/**
 * The batch file: a positional, or an absolute POSIX path, which the appcmd grammar reads as a
 * /switch (`appcmd batch /tmp/lines.txt`): taken as the file when it names one.
 */
export function batchSource(positional: string | undefined, properties: readonly Switch[]): string | undefined {
  const [first, ...rest] = properties;
  const path = positional === undefined && first !== undefined && first.prefix === '/' && first.value === undefined && existsSync(first.raw) ? first.raw : undefined;
  const unknown = path === undefined ? first : rest[0];
  if (unknown !== undefined) {
    throw new AppcmdError('BAD_ARGUMENT', `Unknown parameter "${unknown.raw}" for batch.`, { hints: ['appcmd batch [FILE|-] [/apphostconfig:PATH] [--dry-run] [--json]; the lines carry their own parameters.'] });
  }
  return path ?? positional;
}
