/** The CLI as a process: output to pipes that are slow to read or closed early. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPCMD_BIN } from '../reliability/spawn-cli.js';
import { tempDir } from '../helpers/temp.js';

/** A config with enough sites that `list site` prints more than a pipe holds (~64 kB). */
function bigConfig(): string {
  const sites = Array.from({ length: 2000 }, (_, i) => `      <site name="site-${i}" id="${i + 1}" />`).join('\n');
  const file = join(tempDir('appcmd-main-'), 'applicationHost.config');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n  <system.applicationHost>\n    <sites>\n${sites}\n    </sites>\n  </system.applicationHost>\n</configuration>\n`);
  return file;
}

test('a reader that pauses gets every line', async () => {
  const config = bigConfig();
  const child = spawn(process.execPath, [APPCMD_BIN, 'list', 'site', `/apphostconfig:${config}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pause();
  setTimeout(() => child.stdout.resume(), 300);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, 2000);
  assert.match(lines[1999]!, /^SITE "site-1999"/);
});

test('a reader that closes the pipe early ends the output, not the command with a crash', async () => {
  const config = bigConfig();
  const child = spawn(process.execPath, [APPCMD_BIN, 'list', 'site', `/apphostconfig:${config}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  assert.equal(stderr, '');
});

test('a finished command ends with its own exit status and all of its output, stdout and stderr', async () => {
  const config = bigConfig();
  const child = spawn(process.execPath, [APPCMD_BIN, 'list', 'site', 'no-such-site', `/apphostconfig:${config}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  // appcmd's 1168 (object not found) is 1168 & 0xff as a process status.
  assert.equal(code, 1168 & 0xff);
  assert.equal(stdout, '');
  assert.match(stderr, /ERROR \( message:Cannot find SITE object with identifier "no-such-site"\. \)/);
});
