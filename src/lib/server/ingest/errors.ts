/**
 * Expected failures of ingesting a document. Each has a stable `code` stored with a failed
 * document and a message a user can act on.
 */
export type IngestErrorCode =
  'empty' | 'too_large' | 'binary' | 'invalid_encoding' | 'truncated_html' | 'unparseable';

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    /** `cause`: the underlying error, for the log; the message is what the user sees. */
    options?: ErrorOptions
  ) {
    super(message, options);
  }
}

export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError;
}
