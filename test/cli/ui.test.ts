import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';
import { tempCopy } from '../helpers/cli.js';
import { corpusFile } from '../helpers/paths.js';

interface UiRun {
  readonly code: number;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Simulates Ctrl-C and resolves with the exit status the command reports at the end. */
  readonly interrupt: () => Promise<number>;
}

function ui(args: readonly string[]): UiRun {
  let out = '';
  let err = '';
  let interrupt: () => void = () => undefined;
  let ended: Promise<number> = Promise.resolve(-1);
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    platform: 'linux',
    cwd: process.cwd(),
    isTTY: false,
    untilInterrupted: () => new Promise((resolve) => (interrupt = resolve)),
    exitLater: (status) => void (ended = status),
  };
  const code = run(['ui', ...args], io);
  return { code, stdout: () => out, stderr: () => err, interrupt: () => (interrupt(), ended) };
}

/** Waits until the command printed its address (it does so once the server listens). */
async function printedUrl(r: UiRun): Promise<string> {
  for (let i = 0; i < 200 && !/token=/.test(r.stdout()); i++) await new Promise((resolve) => setImmediate(resolve));
  const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(r.stdout())?.[0];
  assert.ok(url !== undefined, `no URL printed: ${r.stdout()} ${r.stderr()}`);
  return url;
}

describe('appcmd ui', () => {
  it('prints the address with its token, serves the sites page, and stops on Ctrl-C with status 0', async () => {
    const file = tempCopy(corpusFile('04'));
    const r = ui([`/apphostconfig:${file}`]);
    assert.equal(r.code, 0, r.stderr());
    const url = await printedUrl(r);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /SupernovaFTP/);
    assert.equal((await fetch(url.replace(/\?token=.*/, ''))).status, 403);
    assert.equal(await r.interrupt(), 0);
    assert.match(r.stderr(), /Stopped\./);
  });

  it('refuses a bad /port, an unknown switch, a positional and a missing file before serving', () => {
    const file = tempCopy(corpusFile('04'));
    const cases: [string[], number, RegExp][] = [
      [[`/apphostconfig:${file}`, '/port:http'], 87, /Invalid \/port value "http"/],
      [[`/apphostconfig:${file}`, '/port:70000'], 87, /Invalid \/port value/],
      [[`/apphostconfig:${file}`, '/root:/'], 87, /Unknown parameter "\/root:\/" for ui/],
      [[`/apphostconfig:${file}`, 'extra'], 87, /extra/],
      [['/apphostconfig:/nonexistent/applicationHost.config'], 2, /nonexistent/],
    ];
    for (const [args, code, message] of cases) {
      const r = ui(args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr()}`);
      assert.match(r.stderr(), message);
      assert.equal(r.stdout(), '');
    }
  });
});
