/**
 * The enum names the typed views use, copied from the bundled schema (schema/*.xml) so that
 * callers get them as TypeScript unions. A test compares each list with the schema: the schema
 * stays the one source of truth, these only give it a type.
 */
export const CONTROL_CHANNEL_POLICIES = ['SslAllow', 'SslRequire', 'SslRequireCredentialsOnly'] as const;
/** ftpServer/security/ssl@controlChannelPolicy. */
export type ControlChannelPolicy = (typeof CONTROL_CHANNEL_POLICIES)[number];

export const DATA_CHANNEL_POLICIES = ['SslAllow', 'SslRequire', 'SslDeny'] as const;
/** ftpServer/security/ssl@dataChannelPolicy. */
export type DataChannelPolicy = (typeof DATA_CHANNEL_POLICIES)[number];

export const PIPELINE_MODES = ['Integrated', 'Classic'] as const;
/** applicationPools/add@managedPipelineMode. */
export type ManagedPipelineMode = (typeof PIPELINE_MODES)[number];

export const START_MODES = ['OnDemand', 'AlwaysRunning'] as const;
/** applicationPools/add@startMode. */
export type StartMode = (typeof START_MODES)[number];

export const IDENTITY_TYPES = ['LocalSystem', 'LocalService', 'NetworkService', 'SpecificUser', 'ApplicationPoolIdentity'] as const;
/** applicationPools/add/processModel@identityType. */
export type ProcessModelIdentityType = (typeof IDENTITY_TYPES)[number];

export const LOGON_METHODS = ['Interactive', 'Batch', 'Network', 'ClearText'] as const;
/** virtualDirectory@logonMethod. */
export type AuthenticationLogonMethod = (typeof LOGON_METHODS)[number];
