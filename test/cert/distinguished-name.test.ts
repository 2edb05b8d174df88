import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonName, looksLikeName, nameMatches, windowsNameFromNode } from '../../src/cert/distinguished-name.js';

describe('distinguished names', () => {
  it('turns Node\'s encoding-order lines into Windows order', () => {
    assert.equal(windowsNameFromNode('C=US\nO=Ex\\, Inc\nCN=ftp.example.com'), 'CN=ftp.example.com, O=Ex\\, Inc, C=US');
  });

  it('reads escapes, quotes and Windows aliases', () => {
    const name = 'CN=a, O="Ex, Inc", S=Bavaria, E=x@y.z, OU=R\\&D';
    assert.equal(commonName(name), 'a');
    // A quoted comma is part of the value; S and E are Windows' names for ST and EMAILADDRESS.
    for (const selector of ['O="Ex, Inc"', 'O=Ex\\, Inc', 'ST=Bavaria', 'EMAILADDRESS=x@y.z', 'OU=R&D']) assert.equal(nameMatches(name, selector), true, selector);
    assert.equal(nameMatches(name, 'O=Ex'), false);
  });

  it('matches a selector whose attributes are all in the name, ignoring case', () => {
    const subject = 'CN=ftp.example.com, O=Example, C=US';
    assert.equal(nameMatches(subject, 'CN=ftp.example.com'), true);
    assert.equal(nameMatches(subject, 'cn=FTP.Example.com'), true);
    assert.equal(nameMatches(subject, 'C=US, CN=ftp.example.com'), true);
    assert.equal(nameMatches(subject, 'CN=example.com'), false);
    assert.equal(nameMatches(subject, 'CN=ftp.example.com, O=Other'), false);
    assert.equal(nameMatches(subject, ''), false);
  });

  it('finds the common name and tells a subject selector from a thumbprint', () => {
    assert.equal(commonName('CN=ftp.example.com, O=Example'), 'ftp.example.com');
    assert.equal(commonName('O=Example'), undefined);
    assert.equal(looksLikeName('CN=ftp.example.com'), true);
    assert.equal(looksLikeName(' o = Example'), true);
    assert.equal(looksLikeName('9C6E626342DEED75BF5FBEA611AF21305FBF965C'), false);
  });
});
