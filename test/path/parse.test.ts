import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppcmdError } from '../../src/errors.js';
import { MALFORMED_INDEXER_MESSAGE, formatPropertyPath, parsePropertyPath } from '../../src/path/index.js';
import type { PathSegment } from '../../src/path/index.js';

const name = (n: string): PathSegment => ({ kind: 'name', name: n });
const idx = (keys: Record<string, string>): PathSegment => ({
  kind: 'indexer',
  keys: Object.entries(keys).map(([k, v]) => ({ name: k, value: v })),
});

function segments(text: string): readonly PathSegment[] {
  return parsePropertyPath(text).segments;
}

describe('parsePropertyPath: forms in use', () => {
  const cases: [string, PathSegment[]][] = [
    [
      "[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy",
      [idx({ name: 'ftp.example.com' }), name('ftpServer'), name('security'), name('ssl'), name('controlChannelPolicy')],
    ],
    [
      'siteDefaults.ftpServer.security.ssl.ssl128',
      [name('siteDefaults'), name('ftpServer'), name('security'), name('ssl'), name('ssl128')],
    ],
    [
      "[name='Contoso'].[path='/ShoppingCart'].[path='/',physicalPath='C:\\x']",
      [idx({ name: 'Contoso' }), idx({ path: '/ShoppingCart' }), idx({ path: '/', physicalPath: 'C:\\x' })],
    ],
    [
      "bindings.[protocol='ftp',bindingInformation='*:21:']",
      [name('bindings'), idx({ protocol: 'ftp', bindingInformation: '*:21:' })],
    ],
    [
      "activation.[name='FtpXmlAuthentication'].[key='xmlFileName',value='C:\\Inetpub\\wwwroot\\App_Data\\Users.xml']",
      [
        name('activation'),
        idx({ name: 'FtpXmlAuthentication' }),
        idx({ key: 'xmlFileName', value: 'C:\\Inetpub\\wwwroot\\App_Data\\Users.xml' }),
      ],
    ],
    [
      "ftpServer.security.commandFiltering.[command='SYST',allowed='False']",
      [name('ftpServer'), name('security'), name('commandFiltering'), idx({ command: 'SYST', allowed: 'False' })],
    ],
    ["[id='4']", [idx({ id: '4' })]],
    ["[name='Default FTP Site'].ftpServer", [idx({ name: 'Default FTP Site' }), name('ftpServer')]],
    ["[accessType='Allow',roles='administrators',permissions='Read, Write']", [idx({ accessType: 'Allow', roles: 'administrators', permissions: 'Read, Write' })]],
    ["[name='a:b'].x", [idx({ name: 'a:b' }), name('x')]],
    ["[name='a.b]c'].x", [idx({ name: 'a.b]c' }), name('x')]],
    ['logFile.logExtFileFlags', [name('logFile'), name('logExtFileFlags')]],
    ['?', [name('?')]],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const path = parsePropertyPath(text);
      assert.equal(path.text, text);
      assert.deepEqual(path.segments, expected);
    });
  }

  it('reads @start, @end and @N positions first in the indexer', () => {
    assert.deepEqual(segments("files.[@start,value='index.php']"), [
      name('files'),
      { kind: 'indexer', keys: [{ name: 'value', value: 'index.php' }], position: { kind: 'start' } },
    ]);
    assert.deepEqual(segments("[@end,value='a']"), [
      { kind: 'indexer', keys: [{ name: 'value', value: 'a' }], position: { kind: 'end' } },
    ]);
    assert.deepEqual(segments("[@2,value='a']"), [
      { kind: 'indexer', keys: [{ name: 'value', value: 'a' }], position: { kind: 'index', index: 2 } },
    ]);
    assert.deepEqual(segments('[@0]'), [{ kind: 'indexer', keys: [], position: { kind: 'index', index: 0 } }]);
    assert.deepEqual(segments("[@START,value='a']")[0], {
      kind: 'indexer',
      keys: [{ name: 'value', value: 'a' }],
      position: { kind: 'start' },
    });
  });

  it("reads '' as a quote inside single quotes", () => {
    assert.deepEqual(segments("[name='O''Brien']"), [idx({ name: "O'Brien" })]);
    assert.deepEqual(segments("[name='''']"), [idx({ name: "'" })]);
    assert.deepEqual(segments("[name='']"), [idx({ name: '' })]);
  });

  it('accepts double-quoted values, with "" for a quote', () => {
    assert.deepEqual(segments('[name="Default Web Site"].x'), [idx({ name: 'Default Web Site' }), name('x')]);
    assert.deepEqual(segments('[name="say ""hi"" it\'s"]'), [idx({ name: 'say "hi" it\'s' })]);
  });

  it("tolerates whitespace around ',' and '=' and inside the brackets", () => {
    assert.deepEqual(segments("[ protocol = 'ftp' , bindingInformation= '*:21:' ]"), [
      idx({ protocol: 'ftp', bindingInformation: '*:21:' }),
    ]);
    assert.deepEqual(segments("[ @end , value='a' ]")[0], {
      kind: 'indexer',
      keys: [{ name: 'value', value: 'a' }],
      position: { kind: 'end' },
    });
  });

  it('accepts keys with dots, underscores and dashes', () => {
    assert.deepEqual(segments("[a.b_c-d='v']"), [idx({ 'a.b_c-d': 'v' })]);
  });
});

function assertIndexerError(text: string, column: number, problem: RegExp): void {
  assert.throws(
    () => parsePropertyPath(text),
    (e: unknown) => {
      assert.ok(e instanceof AppcmdError);
      assert.equal(e.code, 'BAD_INDEXER');
      assert.equal(e.win32, 13);
      assert.equal(e.message, MALFORMED_INDEXER_MESSAGE);
      const first = e.hints[0] ?? '';
      assert.match(first, problem);
      assert.match(first, new RegExp(`\\(character ${column} of`));
      // The caret line points under the character named.
      assert.equal(e.hints[2], `  ${' '.repeat(column - 1)}^`);
      return true;
    },
  );
}

describe('parsePropertyPath: malformed indexers', () => {
  it("uses appcmd's exact text, double space included", () => {
    assert.equal(
      MALFORMED_INDEXER_MESSAGE,
      "Malformed collection indexer; format is [@position,name='value',name2='value2',...].  The @position specifier is optional, and be '@start', '@end', or '@N' where N is a numeric index into the collection.",
    );
  });

  it("rejects an unterminated '['", () => {
    assertIndexerError("[name='x'", 10, /missing '\]'/);
    assertIndexerError("bindings.[protocol='ftp',", 26, /missing '\]'/);
    assertIndexerError('[', 2, /missing '\]'/);
  });

  it('rejects an unterminated quote, pointing at the opening quote', () => {
    // What the shell leaves of an unquoted -[name='Default FTP Site'].x:y
    assertIndexerError("[name='Default", 7, /no closing '/);
    assertIndexerError('[name="x]', 7, /no closing "/);
  });

  it("rejects a missing '='", () => {
    assertIndexerError("[name'x']", 6, /expected '=' after the key 'name'/);
    assertIndexerError('[name]', 6, /expected '='/);
  });

  it('rejects bad positions', () => {
    assertIndexerError("[@foo,value='a']", 2, /'@foo' is not a position/);
    assertIndexerError("[@-1,value='a']", 2, /'@-1' is not a position/);
    assertIndexerError("[@,value='a']", 2, /missing position/);
    assertIndexerError("[@1.5,value='a']", 2, /'@1.5' is not a position/);
    assertIndexerError("[value='a',@end]", 12, /must come first/);
  });

  it('rejects an empty key', () => {
    assertIndexerError("[='x']", 2, /missing key name/);
    assertIndexerError("['x']", 2, /missing key name/);
    assertIndexerError("[a='x',]", 8, /missing key='value' after ','/);
    assertIndexerError('[]', 2, /empty indexer/);
  });

  it('rejects unquoted values, with a hint about the shell eating quotes', () => {
    assert.throws(
      () => parsePropertyPath('[name=ftp.example.com].ftpServer'),
      (e: unknown) => e instanceof AppcmdError && e.code === 'BAD_INDEXER' && e.hints.some((h) => h.includes('shell removed')),
    );
    assertIndexerError('[name=]', 7, /missing value/);
  });

  it("rejects an unescaped ' inside a value", () => {
    assertIndexerError("[name='it's']", 11, /expected ',' or '\]' after the value of 'name', found 's'/);
  });

  it("rejects an indexer glued to a name or to another indexer", () => {
    assertIndexerError("bindings[protocol='ftp']", 9, /path segment of its own/);
    assertIndexerError("[name='a'][path='/']", 11, /expected '\.' after '\]'/);
    assertIndexerError("[name='a']x", 11, /expected '\.' after '\]'/);
    assertIndexerError('a]', 2, /without a matching/);
  });
});

describe('parsePropertyPath: bad element names', () => {
  function assertBadArgument(text: string, message: RegExp): void {
    assert.throws(
      () => parsePropertyPath(text),
      (e: unknown) => e instanceof AppcmdError && e.code === 'BAD_ARGUMENT' && message.test(e.message),
    );
  }
  it('rejects empty segments', () => {
    assertBadArgument('a..b', /^Empty element name in property path "a\.\.b"\.$/);
    assertBadArgument('a.', /Empty element name/);
    assertBadArgument('.a', /Empty element name/);
    assertBadArgument("[name='x'].", /Empty element name/);
    assertBadArgument('', /^The property path is empty\.$/);
  });
  it('rejects quotes, colons and whitespace in names', () => {
    assertBadArgument("a'b", /Unexpected quote/);
    assertBadArgument('a:b', /Unexpected ':'/);
    assertBadArgument('a b', /Unexpected whitespace/);
  });
  it("rejects '=' in a name and suggests ':'", () => {
    assert.throws(
      () => parsePropertyPath("[name='x'].enabled=true"),
      (e: unknown) =>
        e instanceof AppcmdError &&
        e.code === 'BAD_ARGUMENT' &&
        e.hints.includes("A value follows a ':', as in /[name='x'].enabled:true."),
    );
  });
});

describe('formatPropertyPath', () => {
  it('writes the canonical spelling', () => {
    assert.equal(
      formatPropertyPath(parsePropertyPath("[ name = \"O'Brien\" ].bindings.[@start, protocol='ftp']")),
      "[name='O''Brien'].bindings.[@start,protocol='ftp']",
    );
    assert.equal(formatPropertyPath([{ kind: 'indexer', keys: [], position: { kind: 'index', index: 3 } }]), '[@3]');
  });

  it('round-trips every documented form unchanged', () => {
    for (const text of [
      "[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy",
      "activation.[name='FtpXmlAuthentication'].[key='xmlFileName',value='C:\\Inetpub\\wwwroot\\App_Data\\Users.xml']",
      "[name='Contoso'].[path='/ShoppingCart'].[path='/',physicalPath='C:\\x']",
      "files.[@end,value='index.php']",
      "[@2,value='a']",
    ]) {
      assert.equal(formatPropertyPath(parsePropertyPath(text)), text);
    }
  });

  it('refuses segments that have no spelling', () => {
    const bad: PathSegment[][] = [
      [name('a.b')],
      [name('')],
      [{ kind: 'indexer', keys: [] }],
      [{ kind: 'indexer', keys: [{ name: 'a b', value: 'x' }] }],
      [{ kind: 'indexer', keys: [], position: { kind: 'index', index: -1 } }],
      [],
    ];
    for (const segs of bad) {
      assert.throws(() => formatPropertyPath(segs), (e: unknown) => e instanceof AppcmdError && e.code === 'BAD_ARGUMENT');
    }
  });
});
