/**
 * Turns a fault at an offset into an AppcmdError that names the file, line and column, so every
 * message of the reader points at the exact character a human has to look at.
 */
import { AppcmdError, type ErrorCode } from '../errors.js';
import { LineIndex } from './line-index.js';

export class ErrorReporter {
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly fileName: string | undefined,
  ) {}

  /** The line index, shared with the document so a failed parse and a good one build it once. */
  lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }

  lineOf(offset: number): number {
    return this.lineIndex().position(offset).line;
  }

  fail(message: string, offset: number, code: ErrorCode = 'XML_MALFORMED', hints?: readonly string[]): never {
    const { line, column } = this.lineIndex().position(offset);
    throw new AppcmdError(code, message, { file: this.fileName, line, column, hints });
  }
}
