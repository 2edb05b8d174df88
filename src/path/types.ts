/**
 * The appcmd property-path grammar: `[name='x'].ftpServer.security.ssl.controlChannelPolicy`,
 * `bindings.[protocol='ftp',bindingInformation='*:21:']`, `[@start,value='index.php']`.
 */
export interface IndexerKey {
  readonly name: string;
  readonly value: string;
}

export type IndexerPosition =
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'index'; readonly index: number };

export type PathSegment =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'indexer'; readonly keys: readonly IndexerKey[]; readonly position?: IndexerPosition };

export interface PropertyPath {
  /** The path as written (after shell unquoting). */
  readonly text: string;
  readonly segments: readonly PathSegment[];
}
