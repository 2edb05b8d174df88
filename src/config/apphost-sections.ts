/** The applicationHost.config sections that appcmd's objects, the views and the audit are built on. */
export const SITES_SECTION = 'system.applicationHost/sites';
export const APPLICATION_POOLS_SECTION = 'system.applicationHost/applicationPools';
