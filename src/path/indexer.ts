import type { AppcmdError } from '../errors.js';
import { malformedIndexer } from './errors.js';
import { keyEnd, whitespaceEnd } from './lexicon.js';
import type { IndexerKey, IndexerPosition, PathSegment } from './types.js';

type IndexerSegment = Extract<PathSegment, { kind: 'indexer' }>;

export interface IndexerRead {
  readonly segment: IndexerSegment;
  /** Offset just after the closing ']'. */
  readonly end: number;
}

// The usual cause of an unquoted value on Linux: the user did quote, and bash ate the quotes.
const SHELL_HINT =
  "If you did type quotes, your shell removed them: wrap the whole parameter in double quotes, e.g. \"/[name='My Site'].attr:value\".";
const QUOTE_HINT = "A ' inside a value is written as two: [name='O''Brien'].";
// A site name with spaces, unquoted, reaches us cut at the first space: "[name='Default".
const SPACES_HINT = "If a value contains spaces, quote the whole parameter: \"/[name='Default Web Site'].attr:value\".";

/**
 * Reads one `[@position,key='value',...]` indexer starting at `text[start] === '['`.
 * Grammar: '[' ws (position (ws ',' ws pair)* | pair (ws ',' ws pair)*) ws ']', where position is
 * @start | @end | @N, pair is key ws '=' ws quoted, and quoted is '…' with '' for a quote or "…"
 * with "" for a quote (PowerShell users write the latter).
 */
export function readIndexer(text: string, start: number): IndexerRead {
  return new IndexerReader(text, start).read();
}

class IndexerReader {
  private pos: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start + 1;
  }

  read(): IndexerRead {
    this.skipWhitespace();
    let position: IndexerPosition | undefined;
    if (this.peek() === '@') {
      position = this.readPosition();
      this.skipWhitespace();
      if (this.peek() === ']') return this.finish([], position);
      if (this.peek() !== ',') this.failAfterItem('the position');
      this.pos++;
    } else if (this.peek() === ']') {
      throw this.fail("empty indexer: give key='value' pairs or an @position");
    }
    const keys: IndexerKey[] = [];
    for (;;) {
      this.skipWhitespace();
      const pair = this.readPair();
      keys.push(pair);
      this.skipWhitespace();
      const c = this.peek();
      if (c === ']') return this.finish(keys, position);
      if (c !== ',') this.failAfterItem(`the value of '${pair.name}'`);
      this.pos++;
    }
  }

  private finish(keys: IndexerKey[], position: IndexerPosition | undefined): IndexerRead {
    this.pos++; // the ']'
    const segment: IndexerSegment =
      position === undefined ? { kind: 'indexer', keys } : { kind: 'indexer', keys, position };
    return { segment, end: this.pos };
  }

  private readPosition(): IndexerPosition {
    const at = this.pos;
    this.pos++;
    while (this.pos < this.text.length && !/[\s,\]]/.test(this.text[this.pos] ?? '')) this.pos++;
    const word = this.text.slice(at + 1, this.pos);
    // Case-insensitive like the rest of appcmd's names; whether IIS agrees is unverified.
    const lower = word.toLowerCase();
    if (lower === 'start') return { kind: 'start' };
    if (lower === 'end') return { kind: 'end' };
    if (/^[0-9]+$/.test(word)) {
      const index = Number(word);
      if (Number.isSafeInteger(index)) return { kind: 'index', index };
    }
    this.pos = at;
    throw this.fail(
      word === '' ? "missing position after '@'" : `'@${word}' is not a position; use @start, @end or @N with N a number (0 or more)`,
    );
  }

  private readPair(): IndexerKey {
    const keyStart = this.pos;
    this.pos = keyEnd(this.text, keyStart);
    const name = this.text.slice(keyStart, this.pos);
    if (name === '') throw this.fail(this.whyNoKey());
    this.skipWhitespace();
    if (this.peek() !== '=') throw this.fail(`expected '=' after the key '${name}'`);
    this.pos++;
    this.skipWhitespace();
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') {
      if (quote === undefined || quote === ']' || quote === ',') throw this.fail(`missing value after '${name}='`);
      throw this.fail(`the value of '${name}' must be quoted: ${name}='…'`, [SHELL_HINT]);
    }
    return { name, value: this.readQuoted(quote, name) };
  }

  private whyNoKey(): string {
    const c = this.peek();
    if (c === undefined) return "missing ']' to close the indexer";
    if (c === '@') return 'the @position must come first in the indexer';
    if (c === '=' || c === "'" || c === '"') return 'missing key name';
    if (c === ']') return "missing key='value' after ','";
    return `'${c}' cannot start a key name (keys are attribute names)`;
  }

  private readQuoted(quote: "'" | '"', key: string): string {
    const text = this.text;
    const open = this.pos;
    let value = '';
    let from = open + 1;
    for (;;) {
      const close = text.indexOf(quote, from);
      if (close === -1) {
        this.pos = open;
        throw this.fail(`the value of '${key}' has no closing ${quote}`, [SPACES_HINT, QUOTE_HINT]);
      }
      value += text.slice(from, close);
      // A doubled quote is one quote of the value.
      if (text[close + 1] !== quote) {
        this.pos = close + 1;
        return value;
      }
      value += quote;
      from = close + 2;
    }
  }

  private failAfterItem(what: string): never {
    const c = this.peek();
    if (c === undefined) throw this.fail("missing ']' to close the indexer", [SPACES_HINT]);
    throw this.fail(`expected ',' or ']' after ${what}, found '${c}'`, c === "'" || /\w/.test(c) ? [QUOTE_HINT] : []);
  }

  private fail(problem: string, extra: readonly string[] = []): AppcmdError {
    return malformedIndexer(this.text, this.pos, problem, extra);
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipWhitespace(): void {
    this.pos = whitespaceEnd(this.text, this.pos);
  }
}
