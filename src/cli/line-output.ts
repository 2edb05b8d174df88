/** Where a renderer hands its lines, one at a time, so that a long listing is never held whole. */
export type LineSink = (line: string) => void;

/**
 * Lines written through `write` in chunks of about `chunkChars`: a 10,000-site `list config` is
 * ~540,000 lines (20 MB), and holding them to join once made most of that command's garbage
 * collection and a 20 MB copy to bytes (bench/NOTES.md).
 */
export class LineOutput {
  private pending: string[] = [];
  private chars = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly chunkChars = 1 << 16,
  ) {}

  readonly line: LineSink = (line) => {
    this.pending.push(line);
    this.chars += line.length + 1;
    if (this.chars >= this.chunkChars) this.flush();
  };

  /** Writes what is pending; call once at the end. */
  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    this.chars = 0;
    this.write(text);
  }
}
