/** `appcmd ui`: IIS Manager's FTP SSL Settings page as a local web application over the library. */
export { startUiServer, type UiServer, type UiServerOptions } from './ui-server.js';
export type { UiConfigSource, PageTarget } from './config-source.js';
