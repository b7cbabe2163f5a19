/** Ingested documents: the original bytes with their SHA-256 and how parsing went. */
import type { Kysely } from 'kysely';
import type { Markup, ParseStatus, Schema } from '../db/schema';

/** A document without its bytes (see getDocumentContent). */
export interface StoredDocument {
  id: number;
  sha256: string;
  fileName: string;
  byteSize: number;
  format: string | null;
  markup: Markup | null;
  encoding: string | null;
  parseStatus: ParseStatus;
  parseErrorCode: string | null;
  parseError: string | null;
  ingestedAt: Date;
}

/** How parsing went: what the parser recognised, or why it gave up. */
export type ParseResult =
  | { status: 'parsed'; format: string; markup: Markup; encoding: string }
  | { status: 'failed'; errorCode: string; error: string };

export interface NewDocument {
  sha256: string;
  fileName: string;
  content: Uint8Array;
  parse: ParseResult;
}

/** Every column but `content`, which can be megabytes: fetch it with getDocumentContent. */
const summaryColumns = [
  'id',
  'sha256',
  'file_name as fileName',
  'byte_size as byteSize',
  'format',
  'markup',
  'encoding',
  'parse_status as parseStatus',
  'parse_error_code as parseErrorCode',
  'parse_error as parseError',
  'ingested_at as ingestedAt'
] as const;

export function findDocumentBySha256(
  db: Kysely<Schema>,
  sha256: string
): Promise<StoredDocument | undefined> {
  return db
    .selectFrom('documents')
    .select(summaryColumns)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

export function findDocumentById(
  db: Kysely<Schema>,
  id: number
): Promise<StoredDocument | undefined> {
  return db.selectFrom('documents').select(summaryColumns).where('id', '=', id).executeTakeFirst();
}

/** The bytes exactly as ingested. */
export async function getDocumentContent(
  db: Kysely<Schema>,
  id: number
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.content;
}

/**
 * Inserts the document unless one with the same SHA-256 exists (then returns undefined).
 * ON CONFLICT rather than catching the unique violation, because on PostgreSQL a failed
 * statement aborts the whole surrounding transaction.
 */
export async function insertDocument(
  trx: Kysely<Schema>,
  document: NewDocument
): Promise<number | undefined> {
  const { parse } = document;
  const inserted = await trx
    .insertInto('documents')
    .values({
      sha256: document.sha256,
      file_name: document.fileName,
      content: document.content,
      byte_size: document.content.byteLength,
      parse_status: parse.status,
      format: parse.status === 'parsed' ? parse.format : null,
      markup: parse.status === 'parsed' ? parse.markup : null,
      encoding: parse.status === 'parsed' ? parse.encoding : null,
      parse_error_code: parse.status === 'failed' ? parse.errorCode : null,
      parse_error: parse.status === 'failed' ? parse.error : null
    })
    .onConflict((conflict) => conflict.column('sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function countDocuments(db: Kysely<Schema>): Promise<number> {
  const { count } = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
}
