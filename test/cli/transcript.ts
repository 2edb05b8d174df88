import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { diffLines } from '../../src/config/line-diff.js';
import { appcmdStdin } from './io-runner.js';

/**
 * A reviewable record of a session of commands against one file, for golden tests: each command
 * line, its exit status, stdout as is, stderr lines marked `! `, and the lines of the file it
 * changed (`- ` / `+ `). Temporary paths are replaced by `$DIR`, so the golden is stable.
 */
export class Transcript {
  private readonly parts: string[] = [];

  constructor(readonly file: string) {}

  /** Runs `appcmd ARGS /apphostconfig:FILE` (with `stdin` when given) and records it. */
  run(args: readonly string[], stdin?: string): { code: number; stdout: string; stderr: string } {
    const before = readFileSync(this.file, 'utf8');
    const r = appcmdStdin([...args, `/apphostconfig:${this.file}`], stdin);
    const after = readFileSync(this.file, 'utf8');
    const shown = args.map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
    this.parts.push(`$ appcmd ${shown}${stdin === undefined ? '' : ' < input.xml'}`, `exit ${r.code}`);
    if (r.stdout !== '') this.parts.push(r.stdout.replace(/\n$/, ''));
    for (const l of r.stderr.split('\n').filter((x) => x !== '')) this.parts.push(`! ${l}`);
    for (const l of diffLines(before.split(/(?<=\n)/), after.split(/(?<=\n)/))) if (l.kind !== ' ') this.parts.push(`${l.kind} ${l.text.replace(/\r?\n$/, '')}`);
    this.parts.push('');
    return r;
  }

  /** A heading in the transcript. */
  note(text: string): void {
    this.parts.push(`### ${text}`);
  }

  text(): string {
    return this.parts.join('\n').split(dirname(this.file)).join('$DIR') + '\n';
  }
}
