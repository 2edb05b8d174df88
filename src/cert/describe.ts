import type { CertificateInfo } from './certificate.js';
import { commonName } from './distinguished-name.js';

/** "9C6E…965C (CN=ftp.example.com)": the thumbprint in full, so that it can be searched for. */
export function describeCertificateShort(cert: CertificateInfo): string {
  const cn = commonName(cert.subject);
  return `${cert.thumbprint} (${cn === undefined ? cert.subject || 'no subject' : `CN=${cn}`})`;
}

/** "2025-03-01T12:00:00Z": UTC, seconds precision, as certificates state their validity. */
export function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
