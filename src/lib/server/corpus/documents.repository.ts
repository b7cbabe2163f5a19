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

/** The stored documents among `sha256s` (one query for a batch's duplicate check). */
export async function findDocumentsBySha256(
  db: Kysely<Schema>,
  sha256s: readonly string[]
): Promise<StoredDocument[]> {
  if (sha256s.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(summaryColumns)
    .where('sha256', 'in', [...sha256s])
    .execute();
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
  return (await insertDocuments(trx, [document])).get(document.sha256);
}

/**
 * Inserts several documents in one statement; returns SHA-256 → id for those inserted. One
 * whose SHA-256 is already stored (or being stored by another transaction, which this one
 * then waits for) is left out of the map. Rows go in SHA-256 order so two batches that share
 * documents take their unique-index locks in the same order and cannot deadlock.
 */
export async function insertDocuments(
  trx: Kysely<Schema>,
  documents: readonly NewDocument[]
): Promise<Map<string, number>> {
  if (documents.length === 0) return new Map();
  const ordered = [...documents].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  const rows = await trx
    .insertInto('documents')
    .values(ordered.map(documentRow))
    .onConflict((conflict) => conflict.column('sha256').doNothing())
    .returning(['id', 'sha256'])
    .execute();
  return new Map(rows.map((row) => [row.sha256, row.id]));
}

function documentRow({ sha256, fileName, content, parse }: NewDocument) {
  return {
    sha256,
    file_name: fileName,
    content,
    byte_size: content.byteLength,
    parse_status: parse.status,
    format: parse.status === 'parsed' ? parse.format : null,
    markup: parse.status === 'parsed' ? parse.markup : null,
    encoding: parse.status === 'parsed' ? parse.encoding : null,
    parse_error_code: parse.status === 'failed' ? parse.errorCode : null,
    parse_error: parse.status === 'failed' ? parse.error : null
  };
}

export async function countDocuments(db: Kysely<Schema>): Promise<number> {
  const { count } = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
}
