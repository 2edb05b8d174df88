/**
 * fdWriter: the CLI's stdout and stderr on POSIX, written to the descriptor itself. Faults are
 * made by replacing fs.writeSync (the CommonJS face of node:fs is mutable; the ESM bindings
 * follow it after syncBuiltinESMExports()).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { fdWriter, streamWriter, type FallbackStream } from '../../src/cli/fd-writer.js';
import { tempDir } from '../helpers/temp.js';

const fs = createRequire(import.meta.url)('node:fs') as { writeSync: (...args: unknown[]) => number };

function withWriteSync(replace: (original: (...args: unknown[]) => number) => (...args: unknown[]) => number, body: () => void): void {
  const original = fs.writeSync;
  fs.writeSync = replace(original);
  syncBuiltinESMExports();
  try {
    body();
  } finally {
    fs.writeSync = original;
    syncBuiltinESMExports();
  }
}

/** A stand-in for process.stdout that records what it is given. */
function fakeStream(): FallbackStream & { written: (string | Uint8Array)[]; handlers: ((e: NodeJS.ErrnoException) => void)[] } {
  const written: (string | Uint8Array)[] = [];
  const handlers: ((e: NodeJS.ErrnoException) => void)[] = [];
  return {
    written,
    handlers,
    write: (t: string | Uint8Array) => written.push(t),
    listenerCount: () => handlers.length,
    on: (_e: 'error', h: (e: NodeJS.ErrnoException) => void) => handlers.push(h),
  };
}

/** A writeSync that takes `budget` bytes in all, then fails as a full non-blocking pipe does. */
function wouldBlockAfter(budget: number): (original: (...args: unknown[]) => number) => (...args: unknown[]) => number {
  return (original) => (f, bytes, offset) => {
    if (budget <= 0) throw Object.assign(new Error('EAGAIN: simulated'), { code: 'EAGAIN' });
    const n = original(f, bytes, offset, Math.min(budget, (bytes as Buffer).length - (offset as number)));
    budget -= n;
    return n;
  };
}

const noStream = (): FallbackStream => assert.fail('the stream must not be made');

function tempFd(): { fd: number; path: string } {
  const path = join(tempDir('appcmd-fd-'), 'out.txt');
  return { fd: openSync(path, 'w'), path };
}

const TEXT = 'SITE "Ünïcödé €" (id:1)\n'.repeat(50);

test('writes every byte, in order, without making the stream', () => {
  const { fd, path } = tempFd();
  const write = fdWriter(fd, noStream);
  write(TEXT);
  write('second\n');
  closeSync(fd);
  assert.equal(readFileSync(path, 'utf8'), `${TEXT}second\n`);
});

test('short writes resume where they stopped, also inside a multi-byte character', () => {
  const { fd, path } = tempFd();
  let calls = 0;
  withWriteSync(
    (original) => (f, bytes, offset) => {
      calls++;
      return original(f, bytes, offset, Math.min(3, (bytes as Buffer).length - (offset as number)));
    },
    () => fdWriter(fd, noStream)(TEXT),
  );
  closeSync(fd);
  assert.equal(readFileSync(path, 'utf8'), TEXT);
  assert.ok(calls > TEXT.length / 3);
});

test('a descriptor that would block hands the rest, and all later output, to the stream', () => {
  const { fd, path } = tempFd();
  const stream = fakeStream();
  withWriteSync(
    wouldBlockAfter(10),
    () => {
      const write = fdWriter(fd, () => stream);
      write('0123456789abcdef');
      write('later\n');
    },
  );
  closeSync(fd);
  assert.equal(readFileSync(path, 'utf8'), '0123456789');
  assert.deepEqual(stream.written.map((w) => Buffer.from(w).toString('utf8')), ['abcdef', 'later\n']);
  assert.equal(stream.handlers.length, 1, 'a closed pipe on the stream must not crash the command either');
});

test('a descriptor that would block in the middle of a character hands on the rest of its bytes', () => {
  const { fd, path } = tempFd();
  const stream = fakeStream();
  // 'é' is two bytes in UTF-8: the write stops after its first one.
  withWriteSync(
    wouldBlockAfter(2),
    () => fdWriter(fd, () => stream)('aé€\n'),
  );
  closeSync(fd);
  const handed = Buffer.concat(stream.written.map((w) => Buffer.from(w)));
  assert.equal(Buffer.concat([readFileSync(path), handed]).toString('utf8'), 'aé€\n');
});

test('a reader that went away (EPIPE) ends the output quietly; other errors are errors', () => {
  let calls = 0;
  withWriteSync(
    () => () => {
      calls++;
      throw Object.assign(new Error('EPIPE: simulated'), { code: 'EPIPE' });
    },
    () => {
      const write = fdWriter(99, noStream);
      write('a');
      write('b');
    },
  );
  assert.equal(calls, 1, 'nothing more is tried after EPIPE');
  withWriteSync(
    () => () => {
      throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
    },
    () => assert.throws(() => fdWriter(99, noStream)('a'), /EIO/),
  );
});

test('streamWriter: EPIPE on the stream is ignored, other stream errors are thrown', () => {
  const stream = fakeStream();
  const write = streamWriter(() => stream);
  write('x');
  write('y');
  assert.deepEqual(stream.written, ['x', 'y']);
  assert.equal(stream.handlers.length, 1);
  const onError = stream.handlers[0]!;
  onError(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
  assert.throws(() => onError(Object.assign(new Error('EIO'), { code: 'EIO' })), /EIO/);
});
