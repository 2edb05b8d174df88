import type { CommitResult, Configuration } from '../../config/configuration.js';
import { changesFromEdits, formatUnifiedDiff, statsOf } from '../../config/commit-diff.js';
import type { CommandContext } from './context.js';
import type { OpenedConfiguration } from './session.js';

/** What a writing command reports once its changes are made (and not yet committed). */
export interface WriteReport {
  /** appcmd's lines for stdout (`SITE object "x" added`, `Applied configuration changes ...`). */
  readonly lines: readonly string[];
  /** The --json result; `changed`, `written`, `file` (and `diff` on a dry run) are added. */
  readonly json: Readonly<Record<string, unknown>>;
  /** Notes of the command itself (write-policy notes, warnings), shown on stderr. */
  readonly notes?: readonly string[];
  /** The file the command wrote to (a web.config); applicationHost.config when absent. */
  readonly file?: Configuration;
}

/**
 * Ends a writing command: notes on stderr, then one commit, then appcmd's lines on stdout (only
 * once the write succeeded), then a changed/unchanged summary on stderr. On --dry-run stdout gets
 * the unified diff instead of appcmd's lines and nothing is written. Inside `appcmd batch` the
 * commit is left to the batch, which writes once at its end.
 */
export function completeWrite(ctx: CommandContext, opened: OpenedConfiguration, report: WriteReport): number {
  const notes = [...pendingNotes(ctx, opened), ...(report.notes ?? [])];
  for (const n of notes) ctx.io.stderr(`${n}\n`);
  if (ctx.session !== undefined) {
    ctx.io.stdout(ctx.options.json ? JSON.stringify(report.json) + '\n' : linesText(report.lines));
    return 0;
  }
  const commits = opened.manager.commitAll({ dryRun: ctx.options.dryRun });
  const written = commits.find((c) => c.configuration === (report.file ?? opened.config)) ?? commits[0];
  if (written !== undefined) printCommit(ctx, written.configuration.filePath, written.result, report);
  return 0;
}

/** Notes of the configuration (unvalidated elements...) not shown yet. */
export function pendingNotes(ctx: CommandContext, opened: OpenedConfiguration): string[] {
  return ctx.session !== undefined ? ctx.session.takeNotes(opened.config) : [...opened.config.notes];
}

/** Prints what a commit did: the diff or appcmd's lines, the JSON, the summary line. */
export function printCommit(ctx: CommandContext, file: string, result: CommitResult, report: Pick<WriteReport, 'lines' | 'json'>): void {
  const dryRun = ctx.options.dryRun;
  const { stats, diff } = commitDiff(ctx, file, result);
  if (ctx.options.json) {
    ctx.io.stdout(JSON.stringify({ ...report.json, file, changed: result.changed, written: result.written, ...(diff === undefined ? {} : { diff }) }, null, 2) + '\n');
    return;
  }
  ctx.io.stdout(dryRun ? (diff ?? '') : linesText(report.lines) + (diff ?? ''));
  ctx.io.stderr(summaryLine(file, result.changed, dryRun, stats));
}

/** One file of a commit that wrote several (applicationHost.config first, then web.config files). */
export interface FileResult {
  readonly file: string;
  readonly result: CommitResult;
}

/**
 * printCommit for a commit of several files (`appcmd batch`): appcmd's lines once, then each
 * file's diff and summary line, so every file written is named; applicationHost.config is always
 * reported, a web.config only when it changed (one merely read is no news). --json gives one
 * document: the first file's fields as printCommit has them, and `files`, one entry per file.
 */
export function printCommits(ctx: CommandContext, commits: readonly FileResult[], report: Pick<WriteReport, 'lines' | 'json'>): void {
  const shown = commits.filter((c, i) => i === 0 || c.result.changed).map((c) => ({ ...c, ...commitDiff(ctx, c.file, c.result) }));
  const [first] = shown;
  if (first === undefined) return;
  if (ctx.options.json) {
    const files = shown.map((c) => ({ file: c.file, changed: c.result.changed, written: c.result.written, ...(c.diff === undefined ? {} : { diff: c.diff }) }));
    const top = { file: first.file, changed: first.result.changed, written: first.result.written, ...(first.diff === undefined ? {} : { diff: first.diff }) };
    ctx.io.stdout(JSON.stringify({ ...report.json, ...top, files }, null, 2) + '\n');
    return;
  }
  const diffs = shown.map((c) => c.diff ?? '').join('');
  ctx.io.stdout(ctx.options.dryRun ? diffs : linesText(report.lines) + diffs);
  for (const c of shown) ctx.io.stderr(summaryLine(c.file, c.result.changed, ctx.options.dryRun, c.stats));
}

/** How many lines a commit added and removed and, on a dry run or with --diff, its unified diff. */
export function commitDiff(ctx: CommandContext, file: string, result: CommitResult): { stats: { added: number; removed: number }; diff: string | undefined } {
  const shown = ctx.options.dryRun || ctx.options.diff;
  const changes = result.changed ? changesFromEdits(result.before, result.edits, shown) : [];
  return { stats: statsOf(changes), diff: shown ? formatUnifiedDiff(file, result.before, changes) : undefined };
}

/**
 * One line saying whether the file changed, on stderr so that stdout stays what appcmd prints:
 * `Changed f.config: +3 -1 lines.`, `Unchanged f.config: nothing to write.`, and on a dry run
 * `Dry run: f.config would change, +3 -1 lines; nothing was written.`
 */
export function summaryLine(file: string, changed: boolean, dryRun: boolean, stats: { added: number; removed: number }): string {
  const lines = `+${stats.added} -${stats.removed} lines`;
  if (dryRun) return changed ? `Dry run: ${file} would change, ${lines}; nothing was written.\n` : `Dry run: ${file} would not change.\n`;
  return changed ? `Changed ${file}: ${lines}.\n` : `Unchanged ${file}: nothing to write.\n`;
}

function linesText(lines: readonly string[]): string {
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
