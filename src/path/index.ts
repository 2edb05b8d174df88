export type { IndexerKey, IndexerPosition, PathSegment, PropertyPath } from './types.js';
export { parsePropertyPath } from './parse.js';
export { formatPropertyPath, formatSegment } from './format.js';
export { MALFORMED_INDEXER_MESSAGE } from './errors.js';
