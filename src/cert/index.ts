/** Certificates from a folder that mirrors the Windows certificate stores, and serverCertHash checks. */
export { CertificateStoreFolder, type CertificateStore, type StoreProblem, type OpenStoreOptions } from './store-folder.js';
export { allowsServerAuth, isWeakKey, keyDescription, validityAt, type CertificateInfo, type PrivateKeyStatus, type Validity } from './certificate.js';
export { checkServerCertHash, inspectServerCert, certificateIssues, type CertIssue, type CertIssueCode, type ServerCertInspection, type ServerCertCheckInput, type ServerCertCheckResult } from './server-cert.js';
export { selectCertificate, unusableReason, type Selection, type SelectInput } from './select.js';
export { cleanThumbprint, looksLikeThumbprint, type CleanThumbprint } from './thumbprint.js';
export { describeCertificateShort, isoDate } from './describe.js';
export { keyPurposeName } from './oids.js';
