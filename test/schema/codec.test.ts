/**
 * Type codecs: what each schema type accepts and the canonical text it writes back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppcmdError } from '../../src/errors.js';
import { normalizeValue, parseStoredValue, checkStoredValue } from '../../src/schema/value.js';
import { accepts, rejects } from './assert-value.js';
import { makeAttribute, values } from './make-attribute.js';

const NOT_UINT = 'Not a valid unsigned integer';

describe('bool', () => {
  const attr = makeAttribute({ type: 'bool' });
  it('reads true/false in any case and writes lowercase', () => {
    for (const t of ['true', 'True', 'TRUE', 'tRuE']) accepts(attr, t, 'true');
    for (const f of ['false', 'False', 'FALSE']) accepts(attr, f, 'false');
  });
  it('refuses anything else, with a hint', () => {
    for (const bad of ['', 'yes', '1', '0', ' true', 'true ', 'truth']) rejects(attr, bad, 'Not a valid boolean value');
    try {
      normalizeValue(attr, 'yes');
    } catch (e) {
      assert.ok(isAppcmdError(e) && e.hints.includes('Use true or false.'));
    }
  });
  it('stored values are typed booleans', () => {
    assert.equal(parseStoredValue(attr, 'True'), true);
    assert.equal(parseStoredValue(attr, 'false'), false);
  });
});

describe('enum', () => {
  const attr = makeAttribute({
    type: 'enum',
    values: values({ SslAllow: 0, SslRequire: 1, SslRequireCredentialsOnly: 2 }),
  });
  const message = 'Enum must be one of SslAllow, SslRequire, SslRequireCredentialsOnly';
  it('matches names case-insensitively and writes the schema spelling', () => {
    accepts(attr, 'sslrequire', 'SslRequire');
    accepts(attr, 'SSLALLOW', 'SslAllow');
    accepts(attr, 'SslRequireCredentialsOnly');
  });
  it('accepts the numeric value', () => {
    accepts(attr, '0', 'SslAllow');
    accepts(attr, '2', 'SslRequireCredentialsOnly');
  });
  it("refuses other names and numbers with IIS's text, listing names in schema order", () => {
    for (const bad of ['SslDeny', '3', '-1', '', 'Ssl Require', ' SslRequire']) rejects(attr, bad, message);
  });
  it('suggests the closest name', () => {
    try {
      normalizeValue(attr, 'SslRequried');
      assert.fail('should throw');
    } catch (e) {
      assert.ok(isAppcmdError(e));
      assert.deepEqual(e.hints, ['Did you mean "SslRequire"?']);
    }
  });
  it('keeps schema order for non-contiguous values', () => {
    const period = makeAttribute({ type: 'enum', values: values({ Hourly: 4, Daily: 1, Weekly: 2, Monthly: 3, MaxSize: 0 }) });
    rejects(period, 'Yearly', 'Enum must be one of Hourly, Daily, Weekly, Monthly, MaxSize');
    accepts(period, '4', 'Hourly');
  });
  it('stored numeric values read as names', () => {
    assert.equal(parseStoredValue(attr, '1'), 'SslRequire');
  });
});

describe('flags', () => {
  const logFlags = values({ Date: 1, Time: 2, ClientIP: 4, UserName: 8, SiteName: 16 });
  const attr = makeAttribute({ type: 'flags', values: logFlags });
  it('reads names in any case, order and spacing; writes ascending bit order joined by ", "', () => {
    accepts(attr, 'Time,Date', 'Date, Time');
    accepts(attr, 'sitename , date,TIME', 'Date, Time, SiteName');
    accepts(attr, 'Date, Time, ClientIP', 'Date, Time, ClientIP');
    accepts(attr, 'Date,Date', 'Date');
  });
  it('reads a number', () => {
    accepts(attr, '3', 'Date, Time');
    accepts(attr, '31', 'Date, Time, ClientIP, UserName, SiteName');
  });
  it('writes "" for no bit when there is no zero flag, the zero flag\'s name when there is one', () => {
    accepts(attr, '', '');
    accepts(attr, '0', '');
    const ssl = makeAttribute({ type: 'flags', values: values({ None: 0, Ssl: 8, SslNegotiateCert: 32 }) });
    accepts(ssl, '', 'None');
    accepts(ssl, 'none', 'None');
    accepts(ssl, 'None, Ssl', 'Ssl');
    accepts(ssl, '40', 'Ssl, SslNegotiateCert');
  });
  it("refuses unknown names and unnamed bits with IIS's text", () => {
    const message = 'Flags must be some combination of Date, Time, ClientIP, UserName, SiteName';
    for (const bad of ['Date,Nope', 'Cookie', '32', '-1', 'Date,,Time', 'Date,', '1,Time']) rejects(attr, bad, message);
  });
  it('handles the high flag values of FTP logging', () => {
    const ftp = makeAttribute({ type: 'flags', values: values({ Date: 1, PhysicalPath: 67108864, ClientPort: 33554432 }) });
    accepts(ftp, 'PhysicalPath,Date,ClientPort', 'Date, ClientPort, PhysicalPath');
    accepts(ftp, String(67108864 + 1), 'Date, PhysicalPath');
  });
});

describe('uint', () => {
  const attr = makeAttribute({ type: 'uint' });
  it('accepts 0..4294967295 and writes plain decimals', () => {
    accepts(attr, '0');
    accepts(attr, '4294967295');
    accepts(attr, '007', '7');
  });
  it("refuses the rest with IIS's text", () => {
    for (const bad of ['4294967296', '-1', '', '1.5', '0x10', '+1', ' 1', '1e3', 'abc']) rejects(attr, bad, NOT_UINT);
  });
  it('stored values are numbers', () => {
    assert.equal(parseStoredValue(attr, '4294967295'), 4294967295);
  });
});

describe('int', () => {
  const attr = makeAttribute({ type: 'int' });
  it('accepts the signed 32-bit range', () => {
    accepts(attr, '-2147483648');
    accepts(attr, '2147483647');
    accepts(attr, '-0', '0');
  });
  it('refuses values outside it', () => {
    for (const bad of ['2147483648', '-2147483649', '', 'x', '1.0']) rejects(attr, bad, 'Not a valid integer');
  });
});

describe('int64', () => {
  const attr = makeAttribute({ type: 'int64' });
  it('accepts the signed 64-bit range exactly (BigInt)', () => {
    accepts(attr, '9223372036854775807');
    accepts(attr, '-9223372036854775808');
    assert.equal(parseStoredValue(attr, '9223372036854775807'), 9223372036854775807n);
    assert.equal(parseStoredValue(attr, '20971520'), 20971520n);
  });
  it('refuses one past each end', () => {
    rejects(attr, '9223372036854775808', 'Not a valid 64-bit integer');
    rejects(attr, '-9223372036854775809', 'Not a valid 64-bit integer');
  });
});

describe('timeSpan', () => {
  const attr = makeAttribute({ type: 'timeSpan' });
  it('writes .NET "c" format', () => {
    accepts(attr, '00:02:00');
    accepts(attr, '0:2:0', '00:02:00');
    accepts(attr, '1.00:00:00');
    accepts(attr, '365.00:00:00');
    accepts(attr, '00:00:00.5', '00:00:00.5000000');
    accepts(attr, '00:00:01.0000001');
    accepts(attr, '-00:00:01', '-00:00:01');
  });
  it('rolls hours above 23 into days, as IIS writes periodicRestart@time "29:00:00" back', () => {
    accepts(attr, '29:00:00', '1.05:00:00');
    accepts(attr, '48:00:00', '2.00:00:00');
  });
  it('refuses malformed texts', () => {
    for (const bad of ['', '1:2', '00:60:00', '00:00:60', '1.24:00:00', 'abc', '00:00:00.12345678', '1.2.3', 'Infinite']) {
      rejects(attr, bad, 'Not a valid timespan value');
    }
  });
  it('refuses what overflows .NET TimeSpan', () => {
    accepts(attr, '10675199.02:48:05.4775807');
    rejects(attr, '10675199.02:48:05.4775808', 'Not a valid timespan value');
  });
  it('accepts Infinite only where allowInfinite', () => {
    const infinite = makeAttribute({ type: 'timeSpan', allowInfinite: true });
    accepts(infinite, 'infinite', 'Infinite');
    accepts(infinite, '00:01:00');
  });
  it('seconds and minutes formats store plain numbers', () => {
    const seconds = makeAttribute({ type: 'timeSpan', timeSpanFormat: 'seconds' });
    accepts(seconds, '90');
    accepts(seconds, '090', '90');
    rejects(seconds, '00:01:30', 'Not a valid integer');
    const minutes = makeAttribute({ type: 'timeSpan', timeSpanFormat: 'minutes', validationType: 'timeSpanRange', validationParameter: '60,3600,60' });
    accepts(minutes, '1');
    rejects(minutes, '0', 'Timespan value must be between 00:01:00 and 01:00:00 seconds inclusive, with a granularity of 60 seconds');
  });
  it('stored values stay text', () => {
    assert.equal(parseStoredValue(attr, '29:00:00'), '1.05:00:00');
  });
});

describe('string', () => {
  const attr = makeAttribute({ type: 'string' });
  it('is kept as given', () => {
    accepts(attr, '');
    accepts(attr, '  spaced  ');
    accepts(attr, '[enc:AesProvider:abc=:enc]');
    accepts(attr, '%SystemDrive%\\inetpub');
  });
});

describe('checkStoredValue', () => {
  it('throws VALUE_INVALID for a value IIS would refuse in the file', () => {
    const attr = makeAttribute({ type: 'uint' });
    assert.doesNotThrow(() => checkStoredValue(attr, '1'));
    assert.throws(() => checkStoredValue(attr, 'x'), (e: unknown) => isAppcmdError(e) && e.code === 'VALUE_INVALID');
  });
});
