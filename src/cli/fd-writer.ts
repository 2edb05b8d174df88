import { writeSync } from 'node:fs';

/** What a writer falls back to: process.stdout or process.stderr, made only when needed. */
export interface FallbackStream {
  write(chunk: string | Uint8Array): unknown;
  listenerCount(event: 'error'): number;
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Output written to a file descriptor itself. Making process.stdout loads node's stream and
 * socket machinery, a visible part of a short command's start, and a command prints a few lines; a
 * synchronous write also keeps stdout and stderr in order. A descriptor that would block (a full
 * non-blocking pipe) hands the rest, and all later output, to the stream, which waits. A reader
 * that stops early (`appcmd list site | head -1`) ends the output, not the command.
 */
export function fdWriter(fd: number, stream: () => FallbackStream): (text: string) => void {
  let mode: 'direct' | 'stream' | 'closed' = 'direct';
  const viaStream = streamWriter(stream);
  return (text) => {
    if (mode === 'closed') return;
    if (mode === 'stream') {
      viaStream(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') mode = 'closed';
      else if (code === 'EAGAIN') {
        mode = 'stream';
        // The bytes themselves: a write may have stopped inside a character.
        viaStream(bytes.subarray(done));
      } else throw e;
    }
  };
}

/** Output through a stream, a closed pipe ending it quietly. */
export function streamWriter(stream: () => FallbackStream): (chunk: string | Uint8Array) => void {
  return (chunk) => {
    const s = stream();
    if (s.listenerCount('error') === 0) {
      s.on('error', (e) => {
        if (e.code !== 'EPIPE') throw e;
      });
    }
    s.write(chunk);
  };
}
