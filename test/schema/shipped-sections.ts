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

/** system.applicationHost/* (appcmd_sites.xml, appcmd_applicationPools.xml, appcmd_applicationHost.xml). */
export const APPLICATION_HOST_SECTIONS: readonly string[] = [
  'system.applicationHost/sites',
  'system.applicationHost/applicationPools',
  'system.applicationHost/configHistory',
  'system.applicationHost/customMetadata',
  'system.applicationHost/listenerAdapters',
  'system.applicationHost/log',
  'system.applicationHost/serviceAutoStartProviders',
  'system.applicationHost/webLimits',
];

/** system.webServer/* (appcmd_webServer*.xml, and management/* in appcmd_management.xml). */
export const WEB_SERVER_SECTIONS: readonly string[] = [
  'system.webServer/asp',
  'system.webServer/caching',
  'system.webServer/cgi',
  'system.webServer/defaultDocument',
  'system.webServer/directoryBrowse',
  'system.webServer/fastCgi',
  'system.webServer/globalModules',
  'system.webServer/handlers',
  'system.webServer/httpCompression',
  'system.webServer/httpErrors',
  'system.webServer/httpLogging',
  'system.webServer/httpProtocol',
  'system.webServer/httpRedirect',
  'system.webServer/httpTracing',
  'system.webServer/isapiFilters',
  'system.webServer/management/authentication',
  'system.webServer/management/authorization',
  'system.webServer/management/trustedProviders',
  'system.webServer/modules',
  'system.webServer/applicationInitialization',
  'system.webServer/odbcLogging',
  'system.webServer/security/access',
  'system.webServer/security/applicationDependencies',
  'system.webServer/security/authentication/anonymousAuthentication',
  'system.webServer/security/authentication/basicAuthentication',
  'system.webServer/security/authentication/clientCertificateMappingAuthentication',
  'system.webServer/security/authentication/digestAuthentication',
  'system.webServer/security/authentication/iisClientCertificateMappingAuthentication',
  'system.webServer/security/authentication/windowsAuthentication',
  'system.webServer/security/authorization',
  'system.webServer/security/ipSecurity',
  'system.webServer/security/dynamicIpSecurity',
  'system.webServer/security/isapiCgiRestriction',
  'system.webServer/security/requestFiltering',
  'system.webServer/serverRuntime',
  'system.webServer/serverSideInclude',
  'system.webServer/staticContent',
  'system.webServer/tracing/traceFailedRequests',
  'system.webServer/tracing/traceProviderDefinitions',
  'system.webServer/urlCompression',
  'system.webServer/validation',
  'system.webServer/webSocket',
];

/** The sections of IIS Manager's administration.config and redirection.config (appcmd_management.xml). */
export const MANAGER_FILE_SECTIONS: readonly string[] = [
  'configPaths',
  'moduleProviders',
  'modules',
  'administratorsProviders',
  'administrators',
  'configurationRedirection',
];

/** Every section the shipped schema describes: every sectionSchema of IIS_schema.xml and Ftp_schema.xml. */
export const SHIPPED_SECTIONS: readonly string[] = [...APPLICATION_HOST_SECTIONS, ...WEB_SERVER_SECTIONS, ...FTP_SECTIONS, ...MANAGER_FILE_SECTIONS];
