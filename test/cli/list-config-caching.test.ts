import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appcmd, snapshot, tempCopy } from '../helpers/cli.js';
import { corpusDir, referenceSchemaDir } from '../helpers/paths.js';

// Corpus file 21 holds <caching><profiles><add duration="00:00:00" extension=".cs"/> on line 285,
// below the 1 second that the schema allows (timeSpanRange 1,4294967,1), bundled and Microsoft's alike.
const corpus21 = join(corpusDir, '21-jexuswebserver-JexusManager.config');
const SCHEMA = `/schemadir:${referenceSchemaDir}`;

for (const schema of [[], [SCHEMA]]) {
  test(`list config on corpus file 21 (${schema.length === 0 ? 'bundled schema' : "Microsoft's schema"}): IIS's Configuration error block for caching's duration, line 285`, () => {
    const file = tempCopy(corpus21);
    const before = snapshot(file);
    const expected = [
      'ERROR ( message:Configuration error',
      `Filename: ${file}`,
      'Line Number: 285',
      "Description: The 'duration' attribute is invalid.  Timespan value must be between 00:00:01 and 49.17:02:47 seconds inclusive, with a granularity of 1 seconds",
      '. )',
      '',
    ].join('\n');
    for (const args of [['list', 'config'], ['list', 'config', '-section:system.webServer/caching']]) {
      const r = appcmd([...args, ...schema, `/apphostconfig:${file}`]);
      assert.equal(r.code, 13, args.join(' '));
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.startsWith(expected), r.stderr);
    }
    // As in IIS, the fault is the caching section's: the other sections of the file still read.
    const sites = appcmd(['list', 'config', '-section:system.applicationHost/sites', ...schema, `/apphostconfig:${file}`]);
    assert.equal(sites.code, 0, sites.stderr);
    assert.ok(snapshot(file).bytes.equals(before.bytes));
  });
}
