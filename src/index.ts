/**
 * appcmd-xplat as a library: the API of Microsoft.Web.Administration in TypeScript naming, over an
 * applicationHost.config edited offline. See docs/api.md.
 *
 *   const manager = ServerManager.open('applicationHost.config');
 *   const sites = manager.getApplicationHostConfiguration().getSection('system.applicationHost/sites').getCollection();
 *   sites.find({ name: 'ftp.example.com' })?.getChildElement('ftpServer')…setAttributeValue('controlChannelPolicy', 'SslRequire');
 *   manager.commitChanges();
 *
 * Only what is exported here is the public API; deep imports into dist/src are not supported.
 */

// The generic model, shaped after Microsoft.Web.Administration.
export { ServerManager, type OpenOptions } from './config/server-manager.js';
export { Configuration, ConfigurationSection, APPHOST_PATH, type CommitOptions, type CommitResult } from './config/configuration.js';
export { ConfigurationElement, type SetResult } from './config/element.js';
export type { ConfigurationAttribute } from './config/attribute.js';
export { ConfigurationElementCollection, type AddOptions, type AddResult, type RemoveOptions } from './config/collection.js';
export type { ConfigValue, ValueSource } from './config/value-types.js';
export type { OverrideMode } from './config/override-mode.js';
export type { SearchQuery, SearchHit } from './config/search.js';
export type { ValidationScope } from './config/validate.js';
export type { SectionDeclaration } from './config/section-registry.js';
export type { LockOptions } from './store/lock.js';
export type { IndexerPosition } from './path/types.js';
export type { TextEdit } from './xml/types.js';
export { unifiedDiff, type DiffSource } from './config/commit-diff.js';
export { copyElement } from './config/element-copy.js';

// Typed views (MWA's Site, ApplicationPool…) and typed values.
export * from './config/views/index.js';

// Errors: every failure is an AppcmdError with a stable code and appcmd's Win32 exit code.
export { AppcmdError, isAppcmdError, type ErrorCode, type AppcmdErrorOptions, type SourceLocation } from './errors.js';

// The schema: IIS's own <configSchema> format, loaded from files or the copy this package ships.
export type {
  SchemaSet,
  SectionSchema,
  ElementSchema,
  CollectionSchema,
  ItemKey,
  AttributeSchema,
  AttributeType,
  EnumValue,
} from './schema/types.js';
export { bundledSchema, loadSchemaDir, loadSchemaFiles, formatTimeSpan, parseTimeSpan, describeAttribute } from './schema/index.js';
export { loadSchemaDirs } from './schema/loader.js';

// Certificates as stores (folders mirroring the Windows stores) and the FTP-over-SSL audit and
// settings page, as namespaces: their names read naturally only with the prefix.
export * as certificates from './cert/index.js';
export * as ftpSsl from './audit/index.js';
