import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigFile, patchConfigBytes, encodeConfigText, decodeConfigBytes } from '../../src/store/config-file.js';
import { writeFileAtomic } from '../../src/store/atomic-write.js';
import { applyEdits } from '../../src/xml/text-edit.js';
import type { TextEdit } from '../../src/xml/types.js';
import { tempDir } from '../helpers/temp.js';

function tempFile(bytes: Uint8Array | string): string {
  const dir = tempDir('appcmd-store-');
  const file = join(dir, 'applicationHost.config');
  writeFileSync(file, bytes);
  return file;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('patching bytes equals encoding the edited text, for ASCII, non-ASCII and BOM files', () => {
  const texts = ['<a x="1">\r\n  <b y="2" />\r\n</a>', '<a x="é€😀">\n  <b y="ü" />\n</a>\n'];
  for (const text of texts) {
    for (const bom of [false, true]) {
      const bytes = Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
      const file = tempFile(bytes);
      const content = readConfigFile(file);
      assert.equal(content.bom, bom);
      assert.equal(content.text, text);
      const at = text.indexOf('y="') + 3;
      const edits: TextEdit[] = [
        { offset: 3, length: 1, text: 'xx' },
        { offset: at, length: 1, text: 'ñ' },
        { offset: text.length, length: 0, text: '<!-- ✓ -->' },
      ];
      const patched = Buffer.concat(patchConfigBytes(content, edits));
      assert.deepEqual(patched, encodeConfigText(applyEdits(text, edits), 'utf8', bom));
    }
  }
});

test('UTF-16 files (with BOM) are read and written back as UTF-16', () => {
  const text = '<configuration>\r\n  <a b="ü" />\r\n</configuration>\r\n';
  for (const encoding of ['utf16le', 'utf16be'] as const) {
    const bytes = encodeConfigText(text, encoding, true);
    const decoded = decodeConfigBytes(bytes, 'x');
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.text, text);
    assert.deepEqual(encodeConfigText(decoded.text, decoded.encoding, decoded.bom), bytes);
  }
});

test('invalid UTF-8 is refused with its line and column, never turned into U+FFFD', () => {
  const file = tempFile(Buffer.concat([Buffer.from('<a>\n  <b c="'), Buffer.from([0xc3, 0x28]), Buffer.from('" />\n</a>')]));
  assert.throws(() => readConfigFile(file), (e: unknown) => {
    const err = e as { code: string; line: number; column: number };
    assert.equal(err.code, 'FILE_ENCODING');
    assert.equal(err.line, 2);
    assert.equal(err.column, 9);
    return true;
  });
});

test('an atomic write keeps the mode, writes through a symbolic link and leaves no temp file', () => {
  const file = tempFile('old');
  chmodSync(file, 0o640);
  const link = join(file, '..', 'link.config');
  symlinkSync(file, link);
  writeFileAtomic(link, [Buffer.from('ne'), Buffer.from('w')]);
  assert.equal(readFileSync(file, 'utf8'), 'new');
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(join(file, '..')).sort(), ['applicationHost.config', 'link.config']);
});

test('a file that changed since it was read is not overwritten', () => {
  const file = tempFile('<a/>');
  const content = readConfigFile(file);
  writeFileSync(file, '<a x="changed by someone else"/>');
  assert.throws(() => writeFileAtomic(file, Buffer.from('<a y="mine"/>'), content.stamp), { code: 'FILE_CHANGED' });
  assert.equal(readFileSync(file, 'utf8'), '<a x="changed by someone else"/>');
});

test('a large file is read with its characters checked natively: clean ASCII, a control character, non-ASCII', async () => {
  const { ServerManager } = await import('../../src/config/server-manager.js');
  const filler = '<!-- ' + 'padding '.repeat(1 << 17) + '-->';
  const config = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?>\r\n<configuration>\r\n${filler}\r\n${inner}\r\n</configuration>\r\n`;
  assert.ok(filler.length > 1 << 20, 'above the size read into checkable memory');

  for (const bom of [false, true]) {
    const text = config('<system.applicationHost />');
    const content = readConfigFile(tempFile(Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(text)])));
    assert.equal(content.parse.charactersChecked, true);
    assert.equal(content.bom, bom);
    assert.equal(content.text, text);
    // The bytes past the BOM are the text's code units, for the XML reader.
    assert.equal(Buffer.from(content.parse.codeUnits ?? []).toString('latin1'), text);
  }

  const withControl = tempFile(config('<system.applicationHost>\u0001</system.applicationHost>'));
  assert.equal(readConfigFile(withControl).parse.charactersChecked, false);
  assert.throws(
    () => ServerManager.open(withControl).getApplicationHostConfiguration(),
    (e: unknown) => {
      const err = e as { code: string; message: string; line: number; column: number; hints: string[] };
      assert.equal(err.code, 'XML_MALFORMED');
      assert.equal(err.message, 'Configuration file is not well-formed XML');
      assert.match(err.hints[0] ?? '', /character U\+0001 \(SOH\) is not allowed in XML/);
      assert.deepEqual([err.line, err.column], [4, 25]);
      return true;
    },
  );

  const accented = config('<!-- café -->');
  const content = readConfigFile(tempFile(accented));
  assert.equal(content.parse.charactersChecked, false);
  assert.equal(content.text, accented);
  assert.equal(content.parse.codeUnits, undefined);
});
