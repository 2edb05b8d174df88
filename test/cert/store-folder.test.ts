import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CertificateStoreFolder } from '../../src/cert/store-folder.js';
import { AppcmdError } from '../../src/errors.js';
import { daysFrom, keyPair, makeCertificate, NOW, SERVER_AUTH } from './make-cert.js';
import { certSet, hasOpenssl, openssl, opensslMaybe, withKey, writeStoreFolder } from './store-fixture.js';

describe('CertificateStoreFolder', () => {
  it('reads one store per sub-folder and finds stores case-insensitively', () => {
    const set = certSet();
    const dir = writeStoreFolder({ My: { 'ftp.pem': withKey(set.valid) }, WebHosting: { 'old.crt': set.expired.pem } });
    const folder = CertificateStoreFolder.open(dir);
    assert.deepEqual(folder.stores.map((s) => s.name).sort(), ['My', 'WebHosting']);
    assert.equal(folder.store('MY')?.name, 'My');
    assert.equal(folder.store('webhosting')?.certificates[0]?.thumbprint, set.expired.thumbprint);
    assert.equal(folder.store('Root'), undefined);
    assert.equal(folder.findThumbprint(set.valid.thumbprint.toLowerCase())[0]?.store, 'My');
    assert.deepEqual(folder.problems, []);
  });

  it('has a private key when it is in the same PEM file or in NAME.key, and checks that it matches', () => {
    const set = certSet();
    const other = keyPair('rsa2048', true);
    const dir = writeStoreFolder({
      My: {
        'bundle.pem': withKey(set.valid),
        'side.crt': set.ecdsa.pem,
        'SIDE.KEY': set.ecdsa.keyPem,
        'wrong.cer': set.sha1.pem,
        'wrong.key': other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        'bare.pem': set.noEku.pem,
      },
    });
    const byFile = new Map(CertificateStoreFolder.open(dir).all().map((c) => [c.file.split(/[/\\]/).pop(), c]));
    assert.equal(byFile.get('bundle.pem')?.privateKey, 'matching');
    assert.equal(byFile.get('side.crt')?.privateKey, 'matching');
    assert.equal(byFile.get('wrong.cer')?.privateKey, 'mismatch');
    assert.equal(byFile.get('wrong.cer')?.hasPrivateKey, false);
    assert.equal(byFile.get('bare.pem')?.privateKey, 'none');
  });

  it('reads DER files and DER PKCS#8 keys', () => {
    const c = certSet().ecdsa;
    const keyDer = createPrivateKey(c.keyPem).export({ type: 'pkcs8', format: 'der' });
    const dir = writeStoreFolder({ My: { 'ec.cer': c.der, 'ec.key': keyDer } });
    const [info] = CertificateStoreFolder.open(dir).all();
    assert.equal(info?.thumbprint, c.thumbprint);
    assert.equal(info?.hasPrivateKey, true);
  });

  it('lists every certificate of a PEM chain, each with its own key status', () => {
    const caKey = keyPair('ec384');
    const ca = makeCertificate({ subject: 'CN=Test CA', notBefore: daysFrom(NOW, -10), notAfter: daysFrom(NOW, 1000), key: caKey });
    const leaf = makeCertificate({ subject: 'CN=leaf.example.com', notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 90), eku: [SERVER_AUTH], issuer: { subject: 'CN=Test CA', key: caKey } });
    const dir = writeStoreFolder({ My: { 'chain.pem': leaf.pem + ca.pem + leaf.keyPem } });
    const certs = CertificateStoreFolder.open(dir).all();
    assert.deepEqual(
      certs.map((c) => [c.subject, c.issuer, c.hasPrivateKey, c.selfSigned, c.signatureAlgorithm.name]),
      [
        ['CN=leaf.example.com', 'CN=Test CA', true, false, 'sha256ECDSA'],
        ['CN=Test CA', 'CN=Test CA', false, true, 'sha256ECDSA'],
      ],
    );
  });

  it('counts an encrypted key as present, and opens it with the password', () => {
    const c = certSet().valid;
    const encrypted = createPrivateKey(c.keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    const dir = writeStoreFolder({ My: { 'enc.pem': c.pem + encrypted } });
    assert.equal(CertificateStoreFolder.open(dir).all()[0]?.privateKey, 'encrypted');
    assert.equal(CertificateStoreFolder.open(dir, { password: 'pw' }).all()[0]?.privateKey, 'matching');
    assert.equal(CertificateStoreFolder.open(dir, { password: 'nope' }).all()[0]?.privateKey, 'encrypted');
  });

  it('reports unreadable and misplaced files without failing', () => {
    const dir = writeStoreFolder({ My: { 'junk.pem': 'not a certificate', 'broken.cer': Buffer.from([0x30, 0x03, 1, 2, 3]), 'notes.txt': 'ignored' } });
    writeFileSync(join(dir, 'loose.pem'), certSet().valid.pem);
    const folder = CertificateStoreFolder.open(dir);
    assert.equal(folder.all().length, 0);
    const messages = folder.problems.map((p) => `${p.file.split(/[/\\]/).pop()}: ${p.message}`);
    assert.equal(messages.length, 3);
    assert.match(messages.join('\n'), /broken\.cer: not a readable X\.509 certificate/);
    assert.match(messages.join('\n'), /junk\.pem: neither PEM/);
    assert.match(messages.join('\n'), /loose\.pem: not in a store/);
  });

  it('reads the same certificate once per store, keeping the copy with a key', () => {
    const c = certSet().valid;
    const dir = writeStoreFolder({ My: { 'a.pem': c.pem, 'b.pem': withKey(c) } });
    const all = CertificateStoreFolder.open(dir).all();
    assert.equal(all.length, 1);
    assert.equal(all[0]?.hasPrivateKey, true);
  });

  it('merges two folders whose names differ only in case', () => {
    const set = certSet();
    const dir = writeStoreFolder({ My: { 'a.pem': set.valid.pem } });
    mkdirSync(join(dir, 'MY'));
    writeFileSync(join(dir, 'MY', 'b.pem'), set.ecdsa.pem);
    const folder = CertificateStoreFolder.open(dir);
    assert.equal(folder.stores.length, 1);
    assert.equal(folder.store('my')?.certificates.length, 2);
    assert.match(folder.problems[0]?.message ?? '', /second folder for store/);
  });

  it('refuses a folder that does not exist with FILE_NOT_FOUND', () => {
    assert.throws(
      () => CertificateStoreFolder.open('/nonexistent/certs'),
      (e: unknown) => e instanceof AppcmdError && e.code === 'FILE_NOT_FOUND' && /does not exist/.test(e.message),
    );
  });
});

const withOpenssl = hasOpenssl();

describe('PKCS#12 files', { skip: !withOpenssl && 'openssl not on PATH (needed to write PKCS#12 test files)' }, () => {
  const c = certSet().valid;
  const src = join(writeStoreFolder({ src: { 'c.pem': c.pem, 'k.pem': c.keyPem } }), 'src');
  // Written only when the suite runs: a skipped suite's body is still evaluated.
  const legacy = withOpenssl && makePfxFiles(src);
  const store = (file: string): string => {
    const d = writeStoreFolder({ WebHosting: {} });
    writeFileSync(join(d, 'WebHosting', file), readFileSync(join(src, file)));
    return d;
  };

  it('reads a password-protected .pfx with /certpassword', () => {
    const [info] = CertificateStoreFolder.open(store('pw.pfx'), { password: 'secret' }).all();
    assert.equal(info?.thumbprint, c.thumbprint);
    assert.equal(info?.hasPrivateKey, true);
    assert.equal(info?.store, 'WebHosting');
  });

  it('reads a .p12 exported with an empty password without one', () => {
    assert.equal(CertificateStoreFolder.open(store('empty.p12')).all()[0]?.thumbprint, c.thumbprint);
  });

  it('says what to do when the password is missing or wrong, or the key is absent', () => {
    assert.match(CertificateStoreFolder.open(store('pw.pfx')).problems[0]?.message ?? '', /password-protected.*\/certpassword/);
    assert.match(CertificateStoreFolder.open(store('pw.pfx'), { password: 'bad' }).problems[0]?.message ?? '', /password is wrong/);
    assert.match(CertificateStoreFolder.open(store('nokey.pfx'), { password: 'secret' }).problems[0]?.message ?? '', /no private key/);
  });

  it('reads a legacy RC2-40 .pfx, or says how to export it again when this Node.js refuses it', { skip: !legacy && 'this openssl cannot write legacy PKCS#12' }, () => {
    const folder = CertificateStoreFolder.open(store('legacy.pfx'), { password: 'secret' });
    if (folder.problems.length === 0) assert.equal(folder.all()[0]?.thumbprint, c.thumbprint);
    else assert.match(folder.problems[0]?.message ?? '', /legacy encryption .* export it again with AES-256/);
  });
});

/** The PKCS#12 variants the tests read; true when this openssl could also write a legacy one. */
function makePfxFiles(src: string): boolean {
  openssl(['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 'pw.pfx', '-passout', 'pass:secret'], src);
  openssl(['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 'empty.p12', '-passout', 'pass:'], src);
  openssl(['pkcs12', '-export', '-in', 'c.pem', '-nokeys', '-out', 'nokey.pfx', '-passout', 'pass:secret'], src);
  return opensslMaybe(['pkcs12', '-export', '-legacy', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 'legacy.pfx', '-passout', 'pass:secret'], src);
}
