/**
 * SCHEMA_INVALID errors that point into the schema file at fault.
 */
import { AppcmdError } from '../errors.js';
import type { Origin } from './draft.js';

/** Turns an offset of the file being read into a file/line/column. */
export type Locate = (offset: number) => Origin;

export function schemaError(origin: Origin, message: string): AppcmdError {
  return new AppcmdError('SCHEMA_INVALID', message, { file: origin.file, line: origin.line, column: origin.column });
}
