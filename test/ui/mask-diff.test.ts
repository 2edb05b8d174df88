import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledSchema } from '../../src/schema/loader.js';
import { maskSecretsInDiff } from '../../src/ui/mask-diff.js';

describe('maskSecretsInDiff', () => {
  const schema = bundledSchema();

  it('masks encrypted payloads and clear passwords on any diff line, as list does', () => {
    const diff = [
      ' <anonymousAuthentication enabled="true" userName="IUSR" password="[enc:AesProvider:QUJDREVGRw==:enc]" />',
      '-<virtualDirectory path="/" physicalPath="D:\\ftp" password=\'hunter2\' />',
      '+<ssl controlChannelPolicy="SslRequire" />',
      ' <add name="x" adPassword="[enc:AesProvider::enc]" />',
    ].join('\n');
    const masked = maskSecretsInDiff(diff, schema);
    assert.doesNotMatch(masked, /QUJDREVGRw|hunter2/);
    assert.match(masked, /password="\[enc:AesProvider:\*{8}:enc\]"/);
    assert.match(masked, /password='\*{8}'/);
    assert.match(masked, /userName="IUSR"/);
    assert.match(masked, /\+<ssl controlChannelPolicy="SslRequire" \/>/);
    assert.match(masked, /adPassword="\[enc:AesProvider::enc\]"/, 'the empty placeholder is shown as is');
  });
});
