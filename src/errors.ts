/**
 * Every failure the library can report is an AppcmdError with a stable `code`. The CLI alone turns
 * it into text and an exit status; `win32` is the Win32 error appcmd itself would exit with.
 */
export type ErrorCode =
  | 'XML_MALFORMED' // the file is not well-formed XML
  | 'XML_FORBIDDEN' // well-formed but refused: DOCTYPE, entity declarations
  | 'FILE_ENCODING' // bytes that cannot be decoded (invalid UTF-8, NUL, unsupported encoding)
  | 'FILE_NOT_FOUND'
  | 'PATH_NOT_FOUND' // a configuration path that maps to no site and application
  | 'FILE_IO' // read/write failure other than "busy"
  | 'FILE_BUSY' // locked by another writer (appcmd: 32)
  | 'FILE_CHANGED' // changed on disk since it was read
  | 'SCHEMA_INVALID' // a schema file is itself malformed
  | 'CONFIG_INVALID' // the configuration file breaks the schema (unknown attribute, bad value...)
  | 'UNKNOWN_SECTION'
  | 'AMBIGUOUS_SECTION'
  | 'UNKNOWN_ATTRIBUTE' // "Unknown attribute "x".  Replace with -? for help."
  | 'UNKNOWN_ELEMENT'
  | 'VALUE_INVALID' // a value the schema rejects (IIS validator text)
  | 'MISSING_REQUIRED' // "Element is missing required attributes ..."
  | 'OBJECT_NOT_FOUND' // "Cannot find SITE object with identifier ..." (1168)
  | 'ELEMENT_NOT_FOUND' // "Cannot find requested collection element." (4312)
  | 'DUPLICATE' // duplicate collection entry (183)
  | 'BAD_INDEXER' // malformed [key='v'] indexer (13)
  | 'BAD_ARGUMENT' // malformed command line (87)
  | 'BAD_PREFIX' // "must begin with a / or -" (87; printed without the ERROR wrapper)
  | 'UNKNOWN_COMMAND' // "Object 'X' is not supported.  …", "Command 'X' is not supported on object 'Y'. …" (87; no ERROR wrapper)
  | 'UNSUPPORTED' // a valid appcmd request this tool cannot do offline (e.g. a web.config commit)
  | 'LOCKED' // section locked at a parent level (33)
  | 'INTERNAL'; // a bug: reported without a stack trace

const WIN32: Record<ErrorCode, number> = {
  XML_MALFORMED: 13,
  XML_FORBIDDEN: 13,
  FILE_ENCODING: 13,
  FILE_NOT_FOUND: 2,
  // MWA raises IIS's "Unrecognized configuration path" as a FileNotFoundException (0x80070002).
  PATH_NOT_FOUND: 2,
  FILE_IO: 29,
  FILE_BUSY: 32,
  FILE_CHANGED: 32,
  SCHEMA_INVALID: 13,
  CONFIG_INVALID: 13,
  UNKNOWN_SECTION: 87,
  AMBIGUOUS_SECTION: 87,
  UNKNOWN_ATTRIBUTE: 87,
  UNKNOWN_ELEMENT: 87,
  VALUE_INVALID: 13,
  MISSING_REQUIRED: 13,
  OBJECT_NOT_FOUND: 1168,
  ELEMENT_NOT_FOUND: 4312,
  DUPLICATE: 183,
  BAD_INDEXER: 13,
  BAD_ARGUMENT: 87,
  BAD_PREFIX: 87,
  UNKNOWN_COMMAND: 87,
  UNSUPPORTED: 50,
  LOCKED: 33,
  INTERNAL: 1359,
};

/** Where in a file an error was found; line and column are 1-based. */
export interface SourceLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface AppcmdErrorOptions extends SourceLocation {
  /** Extra lines for a human: "did you mean", the switch that was wrong, ... */
  readonly hints?: readonly string[];
  readonly cause?: unknown;
}

export class AppcmdError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hints: readonly string[];

  constructor(code: ErrorCode, message: string, options: AppcmdErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppcmdError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hints = options.hints ?? [];
  }

  /** The Win32 error code appcmd.exe exits with for this kind of failure. */
  get win32(): number {
    return WIN32[this.code];
  }

  /** A copy with more context (a file name, a hint) added; the code and message stay. */
  withContext(extra: AppcmdErrorOptions): AppcmdError {
    return new AppcmdError(this.code, this.message, {
      file: extra.file ?? this.file,
      line: extra.line ?? this.line,
      column: extra.column ?? this.column,
      hints: [...this.hints, ...(extra.hints ?? [])],
      cause: this.cause,
    });
  }
}

export function isAppcmdError(e: unknown): e is AppcmdError {
  return e instanceof AppcmdError;
}
