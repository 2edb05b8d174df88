/**
 * Runs recipes, real appcmd command lines, each on a fresh copy of a corpus file, and renders what
 * each printed and the lines it changed for a golden file. A second run of the last command of a
 * recipe must leave the file byte-identical (and not rewrite it); a recipe's wrong value must be
 * refused with IIS's text, the file untouched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';

export interface Recipe {
  readonly item: string;
  /** argv as the shell passes it (quotes removed), without /apphostconfig. */
  readonly commands: readonly (readonly string[])[];
  /** What a second run of the last command does: nothing (set), 183 (add), 4312 (remove). */
  readonly again: 'same' | 'duplicate' | 'gone' | 'skip';
  /** A command line with a value IIS refuses, run on a fresh copy. */
  readonly wrong?: readonly string[];
}

function quoted(argv: readonly string[]): string {
  return `$ appcmd ${argv.map((a) => (/[\s"'*]/.test(a) ? `"${a}"` : a)).join(' ')}`;
}

/** One command on `file`: its transcript lines, and the lines it changed. */
function transcript(file: string, argv: readonly string[]): { lines: string[]; code: number } {
  const before = readFileSync(file, 'utf8');
  const r = appcmd([...argv, `/apphostconfig:${file}`]);
  const lines = [quoted(argv), `exit ${r.code}`];
  if (r.stdout !== '') lines.push(r.stdout.trimEnd());
  if (r.stderr !== '') lines.push(r.stderr.trimEnd().replace(/\/tmp\/appcmd-test-[^/]+\//g, '<tmp>/'));
  const change = lineChange(before, readFileSync(file, 'utf8'));
  for (const l of change.removed) lines.push(`- ${change.at}: ${l.trimEnd()}`);
  for (const l of change.added) lines.push(`+ ${change.at}: ${l.trimEnd()}`);
  return { lines, code: r.code };
}

/** The golden text of every recipe run on its own copy of `source`. */
export function runRecipes(source: string, recipes: readonly Recipe[]): string {
  const out: string[] = [];
  for (const recipe of recipes) {
    const file = tempCopy(source);
    out.push(`### ${recipe.item}`);
    for (const argv of recipe.commands) out.push(...transcript(file, argv).lines);
    const last = recipe.commands[recipe.commands.length - 1] ?? [];
    const was = snapshot(file);
    const again = appcmd([...last, `/apphostconfig:${file}`]);
    const now = snapshot(file);
    assert.ok(now.bytes.equals(was.bytes), `${recipe.item}: a second run changed the file`);
    assert.equal(now.mtimeNs, was.mtimeNs, `${recipe.item}: a second run rewrote the file`);
    if (recipe.again === 'same') assert.equal(again.code, 0, `${recipe.item}: ${again.stderr}`);
    if (recipe.again === 'duplicate') {
      assert.equal(again.code, 183, `${recipe.item}: ${again.stderr}`);
      assert.match(again.stderr, /Cannot add duplicate collection entry/);
    }
    if (recipe.again === 'gone') assert.equal(again.code, 4312, `${recipe.item}: ${again.stderr}`);
    if (recipe.wrong !== undefined) {
      const fresh = tempCopy(source);
      const untouched = snapshot(fresh);
      const { lines, code } = transcript(fresh, recipe.wrong);
      out.push(...lines);
      assert.notEqual(code, 0, `${recipe.item}: the wrong value was accepted`);
      assert.ok(snapshot(fresh).bytes.equals(untouched.bytes), `${recipe.item}: a refused command changed the file`);
    }
    out.push('');
  }
  return out.join('\n');
}
