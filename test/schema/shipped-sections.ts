/** The system.ftpServer sections the project ships a schema for (schema/appcmd_ftp.xml). */
export const FTP_SECTIONS: readonly string[] = [
  'system.ftpServer/log',
  'system.ftpServer/firewallSupport',
  'system.ftpServer/providerDefinitions',
  'system.ftpServer/security/authorization',
  'system.ftpServer/security/ipSecurity',
  'system.ftpServer/security/requestFiltering',
  'system.ftpServer/security/authentication',
  'system.ftpServer/caching',
  'system.ftpServer/serverRuntime',
];

/** Every section the shipped schema describes. */
export const SHIPPED_SECTIONS: readonly string[] = ['system.applicationHost/sites', 'system.applicationHost/applicationPools', ...FTP_SECTIONS];
