import type { Severity } from './severity.js';

/** One audit rule: stable id and name (for SARIF and suppressions), default severity, and help. */
export interface AuditRule {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly help: string;
}

function rule(id: string, name: string, severity: Severity, summary: string, help: string): AuditRule {
  return { id, name, severity, summary, help };
}

/** Every rule the FTP-over-SSL audit applies, in report order. Ids never change meaning. */
export const RULES = {
  sslOptional: rule('FTPS001', 'ssl-optional', 'high', 'Both channels are SslAllow', 'With controlChannelPolicy and dataChannelPolicy both SslAllow the client decides whether to encrypt: credentials and data may travel in clear text. Require SSL on both channels.'),
  credentialsInClear: rule('FTPS002', 'credentials-in-clear', 'high', 'The control channel is SslAllow', 'controlChannelPolicy SslAllow lets a client send USER and PASS without TLS. Use SslRequire (or at least SslRequireCredentialsOnly).'),
  clearAfterLogon: rule('FTPS003', 'clear-after-logon', 'medium', 'Only the credentials are protected, data may travel in clear', 'controlChannelPolicy SslRequireCredentialsOnly protects USER and PASS only; with dataChannelPolicy SslAllow or SslDeny, commands after logon and the data may travel in clear text.'),
  commandsInClear: rule('FTPS004', 'commands-in-clear', 'low', 'Commands after logon may travel in clear', 'controlChannelPolicy SslRequireCredentialsOnly lets the client drop TLS after logon (CCC): file names and paths may then travel in clear text; the data stays encrypted.'),
  dataSslDenied: rule('FTPS005', 'data-ssl-denied', 'high', 'The data channel refuses SSL', 'dataChannelPolicy SslDeny makes every file transfer and listing travel in clear text, even when the client asks for TLS.'),
  sslRequiredWithoutCertificate: rule('FTPS006', 'ssl-required-without-certificate', 'high', 'SSL is required but no certificate is set', 'A policy that requires SSL needs serverCertHash: without a certificate the server cannot negotiate TLS, and clients cannot log on or transfer.'),
  implicitFtpsPolicy: rule('FTPS007', 'implicit-ftps-policy', 'medium', 'Port 990 (implicit FTPS) with a policy that does not require SSL', 'A binding on port 990 means implicit FTPS: the whole session must be encrypted from the first byte. Policies other than SslRequire on both channels contradict it.'),
  ssl128Disabled: rule('FTPS008', 'ssl128-disabled', 'low', '128-bit encryption is not required', 'ssl128 false lets sessions negotiate ciphers weaker than 128 bits. Turn on "Use 128-bit encryption".'),
  certHashInvalid: rule('FTPS010', 'cert-hash-invalid', 'high', 'serverCertHash is not a thumbprint', 'serverCertHash must be the 40-hex-digit SHA-1 thumbprint of the certificate; IIS cannot find a certificate by anything else.'),
  certNotFound: rule('FTPS011', 'cert-not-found', 'high', 'The certificate is not in the certificate folder', 'No certificate with this thumbprint is in any store of the certificate folder: FTPS cannot start.'),
  certWrongStore: rule('FTPS012', 'cert-wrong-store', 'high', 'The certificate is in another store', 'IIS looks for the certificate only in serverCertStoreName (default MY). The certificate is in another store (often WebHosting).'),
  certExpired: rule('FTPS013', 'cert-expired', 'high', 'The certificate has expired', 'Clients refuse an expired certificate. Install the renewed one.'),
  certNotYetValid: rule('FTPS014', 'cert-not-yet-valid', 'high', 'The certificate is not valid yet', 'Clients refuse a certificate before its notBefore date.'),
  certExpiringSoon: rule('FTPS015', 'cert-expiring-soon', 'medium', 'The certificate expires within 30 days', 'Renew the certificate and point serverCertHash at the new one before it expires.'),
  certNoServerAuth: rule('FTPS016', 'cert-no-server-auth', 'high', 'The certificate is not for server authentication', 'Its enhanced key usage list does not include Server Authentication (1.3.6.1.5.5.7.3.1).'),
  certNoPrivateKey: rule('FTPS017', 'cert-no-private-key', 'high', 'The certificate has no private key', 'A server certificate is useless without its private key.'),
  certWeakKey: rule('FTPS018', 'cert-weak-key', 'medium', 'The certificate key is weak', 'RSA and DSA keys under 2048 bits and EC keys under 256 bits no longer give adequate strength.'),
  certWeakSignature: rule('FTPS019', 'cert-weak-signature', 'medium', 'The certificate is signed with SHA-1 or MD5', 'Clients reject certificates signed with SHA-1 or MD5. Reissue with SHA-256.'),
  clientCertWithoutSsl: rule('FTPS020', 'client-cert-without-ssl', 'high', 'Client certificates are used but SSL cannot be negotiated', 'Client certificates travel in the TLS handshake: they need serverCertHash set and a data channel that does not deny SSL.'),
  clientCertAuthIgnored: rule('FTPS021', 'client-cert-auth-ignored', 'medium', 'Client certificate authentication is on but certificates are ignored', 'clientCertAuthentication is enabled while clientCertificatePolicy is CertIgnore: the server never asks for a certificate, so no one can log on with one.'),
  clientCertTlsOptional: rule('FTPS022', 'client-cert-tls-optional', 'medium', 'CertRequire can be bypassed by not using TLS', 'clientCertificatePolicy CertRequire is enforced on TLS sessions only; with controlChannelPolicy SslAllow a client connects without TLS and without a certificate.'),
  clientCertValidationRelaxed: rule('FTPS023', 'client-cert-validation-relaxed', 'low', 'Client certificate validation is relaxed', 'validationFlags NoRevocationCheck or CertNoUsageCheck accept revoked certificates or certificates not meant for client authentication.'),
} as const satisfies Readonly<Record<string, AuditRule>>;

export type RuleKey = keyof typeof RULES;

export const ALL_RULES: readonly AuditRule[] = Object.values(RULES);
