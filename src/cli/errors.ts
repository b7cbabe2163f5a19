/** Turns a thrown error into the one line the CLI prints. */
import { AccountError } from '../lib/server/auth/accounts';
import { ConfigError } from '../lib/server/config';
import { DatabaseConnectionError, DatabaseInUseError } from '../lib/server/db';
import { isIngestError } from '../lib/server/ingest/errors';
import { InputNotFoundError } from '../lib/server/ingest/input-files';

export function describeCliError(error: unknown): { message: string; expected: boolean } {
  if (isIngestError(error)) return { message: `${error.message} [${error.code}]`, expected: true };
  if (
    error instanceof DatabaseInUseError ||
    error instanceof DatabaseConnectionError ||
    error instanceof ConfigError ||
    error instanceof AccountError ||
    error instanceof InputNotFoundError
  ) {
    return { message: error.message, expected: true };
  }
  if (isFileSystemError(error)) return { message: error.message, expected: true };
  return { message: error instanceof Error ? error.message : String(error), expected: false };
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    'path' in error
  );
}
