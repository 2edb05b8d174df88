import { childAt, childrenOf, contentOf, decodeOid, decodeTime, readTlv, TAG, DerError, type Tlv } from './der.js';
import { hashName, OID, signatureAlgorithmName, type HashName } from './oids.js';

export interface SignatureAlgorithm {
  readonly oid: string;
  /** Windows' label: sha256RSA, sha1RSA, sha256ECDSA, RSASSA-PSS … */
  readonly name: string;
  readonly hash: HashName;
}

/** The fields of a certificate that X509Certificate does not give in a usable form. */
export interface X509Fields {
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Extended key usage OIDs; undefined when the extension is absent (any purpose allowed). */
  readonly enhancedKeyUsage: readonly string[] | undefined;
}

/**
 *   Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
 *   TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity,
 *                                 subject, subjectPublicKeyInfo, [1] [2] OPTIONAL, [3] extensions OPTIONAL }
 */
export function readX509Fields(der: Uint8Array): X509Fields {
  const cert = readTlv(der, 0);
  if (cert.tag !== TAG.sequence || cert.end !== der.length) throw new DerError('not a single certificate SEQUENCE');
  const tbs = childAt(der, cert, 0, TAG.sequence);
  const sigAlg = childAt(der, cert, 1, TAG.sequence);
  const fields = childrenOf(der, tbs);
  const base = fields[0]?.tag === TAG.context0 ? 1 : 0;
  const validity = fields[base + 3];
  if (validity === undefined || validity.tag !== TAG.sequence) throw new DerError('no validity');
  const [notBefore, notAfter] = childrenOf(der, validity);
  if (notBefore === undefined || notAfter === undefined) throw new DerError('incomplete validity');
  const extensions = fields.slice(base + 6).find((f) => f.tag === TAG.context3);
  return {
    signatureAlgorithm: readSignatureAlgorithm(der, sigAlg),
    notBefore: decodeTime(der, notBefore),
    notAfter: decodeTime(der, notAfter),
    enhancedKeyUsage: extensions === undefined ? undefined : readEku(der, extensions),
  };
}

function readSignatureAlgorithm(der: Uint8Array, algId: Tlv): SignatureAlgorithm {
  const oid = decodeOid(contentOf(der, childAt(der, algId, 0, TAG.oid)));
  if (oid !== OID.rsassaPss) return { oid, ...signatureAlgorithmName(oid) };
  return { oid, name: 'RSASSA-PSS', hash: pssHash(der, childrenOf(der, algId)[1]) };
}

/** RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1, … } (RFC 4055). */
function pssHash(der: Uint8Array, params: Tlv | undefined): HashName {
  if (params === undefined || params.tag !== TAG.sequence) return 'SHA1';
  const explicit = childrenOf(der, params).find((p) => p.tag === TAG.context0);
  if (explicit === undefined) return 'SHA1';
  const algId = childAt(der, explicit, 0, TAG.sequence);
  return hashName(decodeOid(contentOf(der, childAt(der, algId, 0, TAG.oid))));
}

/** [3] EXPLICIT Extensions; Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function readEku(der: Uint8Array, explicit: Tlv): readonly string[] | undefined {
  const list = childAt(der, explicit, 0, TAG.sequence);
  for (const ext of childrenOf(der, list)) {
    const parts = childrenOf(der, ext);
    const id = parts[0];
    if (id === undefined || id.tag !== TAG.oid || decodeOid(contentOf(der, id)) !== OID.extKeyUsage) continue;
    const value = parts[parts.length - 1];
    if (value === undefined || value.tag !== TAG.octetString) throw new DerError('extended key usage without a value');
    const seq = readTlv(der, value.start, value.end);
    if (seq.tag !== TAG.sequence) throw new DerError('extended key usage is not a SEQUENCE');
    return childrenOf(der, seq).map((oid) => {
      if (oid.tag !== TAG.oid) throw new DerError('extended key usage holds a non-OID');
      return decodeOid(contentOf(der, oid));
    });
  }
  return undefined;
}
