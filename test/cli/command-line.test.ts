import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitCommandLine } from '../../src/cli/command-line.js';

// The quoting a caller would use to build a line for splitCommandLine; the identity below checks the splitter with it.
/**
 * Quotes one argument so that splitCommandLine (and any Windows C runtime) reads it back
 * unchanged. The standard algorithm: leave plain arguments alone; otherwise wrap in quotes, write
 * `\"` for a quote, and double the backslashes that precede a quote or the closing quote.
 */
function quoteArgument(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const c of arg) {
    if (c === '\\') {
      backslashes++;
      continue;
    }
    out += c === '"' ? '\\'.repeat(backslashes * 2 + 1) + '"' : '\\'.repeat(backslashes) + c;
    backslashes = 0;
  }
  return out + '\\'.repeat(backslashes * 2) + '"';
}

/** The inverse of splitCommandLine: a line that splits back into `args`. */
function joinCommandLine(args: readonly string[]): string {
  return args.map(quoteArgument).join(' ');
}

describe('splitCommandLine', () => {
  // Microsoft, "Parsing C command-line arguments" (the C runtime's table).
  const microsoft: [string, string[]][] = [
    ['"a b c" d e', ['a b c', 'd', 'e']],
    ['"ab\\"c" "\\\\" d', ['ab"c', '\\', 'd']],
    ['a\\\\\\b d"e f"g h', ['a\\\\\\b', 'de fg', 'h']],
    ['a\\\\\\"b c d', ['a\\"b', 'c', 'd']],
    ['a\\\\\\\\"b c" d e', ['a\\\\b c', 'd', 'e']],
    // The 2008+ runtime rule; CommandLineToArgvW gives ab" / c / d (cpp-docs issue #3291).
    ['a"b"" c d', ['ab" c d']],
  ];
  // Raymond Chen, "What's up with the strange treatment of quotation marks and backslashes by
  // CommandLineToArgvW" (The Old New Thing, 2010-09-17).
  const oldNewThing: [string, string[]][] = [
    ['"hello there.txt"', ['hello there.txt']],
    ['"C:\\Hello there.txt"', ['C:\\Hello there.txt']],
    ['"hello\\"there"', ['hello"there']],
    ['"hello\\\\"', ['hello\\']],
  ];
  const edges: [string, string[]][] = [
    ['', []],
    ['   \t ', []],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    ['a b\r\n', ['a', 'b']],
    ['""', ['']],
    ['a "" b', ['a', '', 'b']],
    ['a "b c', ['a', 'b c']],
    ['a "b \\"c', ['a', 'b "c']],
    ['C:\\path\\ x', ['C:\\path\\', 'x']],
    ['"C:\\path\\\\" x', ['C:\\path\\', 'x']],
    // Three quotes inside a quoted region: one literal quote under both the old and new rules.
    ['"a"""b"', ['a"b']],
    ['"say """hi""" now"', ['say "hi" now']],
    // Single quotes group nothing: appcmd needs them literally.
    ["/[name='Default Web Site'].x:y", ["/[name='Default", 'Web', "Site'].x:y"]],
    ["'a b'", ["'a", "b'"]],
  ];
  const appcmdLines: [string, string[]][] = [
    ['"/[name=\'Default FTP Site\'].ftpServer.security.ssl.controlChannelPolicy:SslRequire"', ["/[name='Default FTP Site'].ftpServer.security.ssl.controlChannelPolicy:SslRequire"]],
    ['/+"[name=\'Contoso\'].bindings.[protocol=\'http\',bindingInformation=\'*:80:www.contoso.com\']"', ["/+[name='Contoso'].bindings.[protocol='http',bindingInformation='*:80:www.contoso.com']"]],
    ['/physicalPath:"C:\\MyNewSite" /bindings:"http/*:81:"', ['/physicalPath:C:\\MyNewSite', '/bindings:http/*:81:']],
    // From a Docker build log (appcmd.md §2): the quotes nest by toggling.
    ['"/[name=\'Default Web Site\'].logFile.logTargetW3C:"File,ETW""', ["/[name='Default Web Site'].logFile.logTargetW3C:File,ETW"]],
    ['/userName:""', ['/userName:']],
  ];
  for (const [group, table] of [
    ['Microsoft C runtime table', microsoft],
    ['The Old New Thing', oldNewThing],
    ['edge cases', edges],
    ['appcmd command lines', appcmdLines],
  ] as const) {
    it(group, () => {
      for (const [line, expected] of table) assert.deepEqual(splitCommandLine(line), expected, line);
    });
  }
});

describe('quoteArgument', () => {
  it('leaves plain arguments alone and quotes the rest', () => {
    assert.equal(quoteArgument('abc'), 'abc');
    assert.equal(quoteArgument("/[name='x'].a:b"), "/[name='x'].a:b");
    assert.equal(quoteArgument('C:\\dir\\'), 'C:\\dir\\');
    assert.equal(quoteArgument(''), '""');
    assert.equal(quoteArgument('a b'), '"a b"');
    assert.equal(quoteArgument('C:\\dir name\\'), '"C:\\dir name\\\\"');
    assert.equal(quoteArgument('say "hi"'), '"say \\"hi\\""');
    assert.equal(quoteArgument('a\\"b'), '"a\\\\\\"b"');
  });

  it('splitCommandLine ∘ joinCommandLine is the identity (fast-check)', () => {
    const argArb = fc.oneof(
      fc.string({ unit: fc.constantFrom('"', '\\', ' ', '\t', "'", 'a', ':', '['), maxLength: 12 }),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(argArb, { maxLength: 6 }), (args) => {
        assert.deepEqual(splitCommandLine(joinCommandLine(args)), args);
      }),
      { numRuns: 3000 },
    );
  });

  it('without double quotes, splitting is plain whitespace splitting (fast-check)', () => {
    const unit = fc.constantFrom('\\', ' ', '\t', "'", 'a', '[', ']', ':');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (line) => {
        assert.deepEqual(splitCommandLine(line), line.split(/[ \t]+/).filter((a) => a !== ''));
      }),
    );
  });
});
