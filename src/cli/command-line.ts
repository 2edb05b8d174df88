/**
 * One command line (a line of an `appcmd batch` file, a line read with /in) split into arguments
 * the way a Windows program receives them, so that a line copied from a .cmd file means the same
 * thing here as it does to appcmd.exe on Windows.
 *
 * Rules, from Microsoft's "Parsing C command-line arguments"
 * (https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments):
 *  1. Whitespace (space, tab) outside double quotes separates arguments. CR and LF are treated the
 *     same, so a line keeping its CRLF still splits cleanly.
 *  2. A double quote opens or closes a quoted region; a region may sit inside an argument:
 *     `a"b c"d` → `ab cd`. `""` alone is an empty argument.
 *  3. Backslashes are literal unless they come right before a double quote.
 *  4. 2n backslashes then `"` → n backslashes, and the quote opens/closes a region.
 *  5. 2n+1 backslashes then `"` → n backslashes and a literal `"`.
 *  6. Inside a quoted region, `""` is a literal `"` and the region continues. This is the C runtime
 *     rule since Visual C++ 2008; CommandLineToArgvW and older runtimes end the region after the
 *     literal quote instead (MicrosoftDocs/cpp-docs issue #3291; David Deley, "How Command Line
 *     Parameters Are Parsed"). Both read `"""` inside a region as one literal quote, which is the
 *     form appcmd's callers use.
 *  7. A quote left open runs to the end of the line.
 * Not applied: the separate rule for argv[0] (the program path), since these lines hold arguments.
 * Single quotes are ordinary characters: appcmd needs them verbatim in `[name='Default Web Site']`.
 */
/** What ends a run of ordinary characters outside quotes, and inside them. */
const PLAIN_STOP = /[\\" \t\r\n]/g;
const QUOTED_STOP = /[\\"]/g;

export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArgument = false; // tells an empty quoted argument apart from no argument
  let inQuotes = false;
  let i = 0;
  const n = line.length;
  const separates = (c: number): boolean => !inQuotes && (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a);
  while (i < n) {
    const c = line.charCodeAt(i);
    if (separates(c)) {
      if (inArgument) args.push(current);
      current = '';
      inArgument = false;
      i++;
      continue;
    }
    inArgument = true;
    if (c === BACKSLASH) {
      const start = i;
      while (line.charCodeAt(i) === BACKSLASH) i++;
      const count = i - start;
      if (line.charCodeAt(i) !== QUOTE) {
        current += line.slice(start, i);
      } else {
        current += '\\'.repeat(Math.floor(count / 2));
        // An odd backslash escapes the quote; after an even run the quote is handled below.
        if (count % 2 === 1) {
          current += '"';
          i++;
        }
      }
      continue;
    }
    if (c === QUOTE) {
      if (inQuotes && line.charCodeAt(i + 1) === QUOTE) {
        current += '"';
        i += 2;
      } else {
        inQuotes = !inQuotes;
        i++;
      }
      continue;
    }
    // A run of ordinary characters is found by one regex search and copied as one slice: a batch
    // splits 1,000 lines, mostly before V8 has optimized this code.
    const stop = inQuotes ? QUOTED_STOP : PLAIN_STOP;
    stop.lastIndex = i + 1;
    const end = stop.test(line) ? stop.lastIndex - 1 : n;
    current += line.slice(i, end);
    i = end;
  }
  if (inArgument) args.push(current);
  return args;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
