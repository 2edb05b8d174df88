import { keyDescription, validityAt, type CertificateInfo } from '../../cert/certificate.js';
import { commonName } from '../../cert/distinguished-name.js';
import { isoDate } from '../../cert/describe.js';
import { keyPurposeName } from '../../cert/oids.js';
import type { CertificateStoreFolder } from '../../cert/store-folder.js';
import { renderXmlObjects } from './xml-object.js';

/** The fields of a certificate by the names /text:NAME, /xml and --json use. */
function certificateFields(c: CertificateInfo, now: Date): [string, string][] {
  return [
    ['thumbprint', c.thumbprint],
    ['store', c.store],
    ['subject', c.subject],
    ['issuer', c.issuer],
    ['notBefore', isoDate(c.notBefore)],
    ['notAfter', isoDate(c.notAfter)],
    ['validity', validityAt(c, now)],
    ['key', keyDescription(c)],
    ['signatureAlgorithm', c.signatureAlgorithm.name],
    ['enhancedKeyUsage', c.enhancedKeyUsage === undefined ? '(any purpose)' : c.enhancedKeyUsage.map(keyPurposeName).join(', ')],
    ['hasPrivateKey', String(c.hasPrivateKey)],
    ['privateKey', c.privateKey],
    ['file', c.file],
  ];
}

/** appcmd's one-line form: CERT "THUMBPRINT" (store:My,cn:ftp.example.com,notAfter:…,key:RSA 2048,privateKey:true) */
export function renderCertLine(c: CertificateInfo, now: Date): string {
  const cn = commonName(c.subject) ?? c.subject;
  const validity = validityAt(c, now);
  const parts = [`store:${c.store}`, `cn:${cn}`, `notAfter:${isoDate(c.notAfter)}${validity === 'valid' ? '' : ` (${validity})`}`, `key:${keyDescription(c)}`, `privateKey:${c.hasPrivateKey}`];
  return `CERT "${c.thumbprint}" (${parts.join(',')})`;
}

/** appcmd's /text:* detail view: the object line, then "  name: value" lines. */
export function renderCertDetail(c: CertificateInfo, now: Date): string {
  return [`CERT`, ...certificateFields(c, now).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
}

/** /text:NAME: one bare value per certificate, for FOR /F and shell loops. */
export function certField(c: CertificateInfo, now: Date, name: string): string | undefined {
  const lower = name.toLowerCase();
  return certificateFields(c, now).find(([k]) => k.toLowerCase() === lower)?.[1];
}

export function renderCertXml(certs: readonly CertificateInfo[], now: Date): string {
  return renderXmlObjects(certs.map((c) => ({ tag: 'CERT', attributes: [['CERT.NAME', c.thumbprint] as const, ...certificateFields(c, now)] })));
}

/** --json: stable field names; dates in ISO 8601 UTC; EKU as OIDs with names (null = any purpose). */
export function certJson(folder: CertificateStoreFolder, certs: readonly CertificateInfo[], now: Date): unknown {
  return {
    certStore: folder.dir,
    stores: folder.stores.map((s) => s.name),
    certificates: certs.map((c) => ({
      thumbprint: c.thumbprint,
      store: c.store,
      file: c.file,
      subject: c.subject,
      issuer: c.issuer,
      notBefore: isoDate(c.notBefore),
      notAfter: isoDate(c.notAfter),
      validity: validityAt(c, now),
      keyType: c.keyType,
      keySize: c.keySize ?? null,
      curve: c.curve ?? null,
      signatureAlgorithm: { name: c.signatureAlgorithm.name, oid: c.signatureAlgorithm.oid, hash: c.signatureAlgorithm.hash },
      enhancedKeyUsage: c.enhancedKeyUsage === undefined ? null : c.enhancedKeyUsage.map((oid) => ({ oid, name: keyPurposeName(oid) })),
      hasPrivateKey: c.hasPrivateKey,
      privateKey: c.privateKey,
      selfSigned: c.selfSigned,
    })),
    problems: folder.problems.map((p) => ({ file: p.file, message: p.message })),
  };
}
