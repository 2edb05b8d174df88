import assert from 'node:assert/strict';

/** Applies a unified diff the way patch does, checking every context and removed line. */
export function applyUnifiedDiff(before: string, diff: string): string {
  if (diff === '') return before;
  const old = before === '' ? [] : before.split(/(?<=\n)/);
  const out: string[] = [];
  const lines = diff.split(/(?<=\n)/).slice(2);
  let cursor = 0;
  let i = 0;
  while (i < lines.length) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(lines[i] ?? '');
    assert.ok(header !== null, `hunk header expected: ${JSON.stringify(lines[i])}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const start = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (cursor < start) out.push(old[cursor++] ?? '');
    i++;
    while (i < lines.length && !(lines[i] ?? '').startsWith('@@')) {
      const line = lines[i] ?? '';
      const noEol = (lines[i + 1] ?? '') === '\\ No newline at end of file\n';
      const text = noEol ? line.slice(1, -1) : line.slice(1);
      if (line[0] === ' ' || line[0] === '-') {
        assert.equal(old[cursor], text, `${line[0] === ' ' ? 'context' : 'removed'} line ${cursor + 1} differs`);
        if (line[0] === ' ') out.push(text);
        cursor++;
      } else if (line[0] === '+') out.push(text);
      else assert.fail(`unexpected diff line ${JSON.stringify(line)}`);
      i += noEol ? 2 : 1;
    }
  }
  while (cursor < old.length) out.push(old[cursor++] ?? '');
  return out.join('');
}
