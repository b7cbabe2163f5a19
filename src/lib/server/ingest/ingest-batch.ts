/**
 * Ingests several documents in one transaction: what ingestDocument does for one, with one
 * statement per table for the whole batch instead of one per document, and one commit. At
 * ~100 comments a page, a dozen round trips and a commit flush per document cost more than
 * the rows themselves. Every guarantee holds per batch: the same bytes twice change nothing
 * (within the batch too), a rejected document is stored as failed with its reason, no
 * comment is stored without its job, and an unexpected error rolls the whole batch back, so
 * running it again stores it in full.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findDocumentsBySha256,
  insertArticles,
  insertCommentsOfArticles,
  insertDocuments,
  type NewArticle,
  type NewComment,
  type NewDocument
} from '../corpus';
import { enqueueComments } from '../classify/jobs/enqueue';
import type { Schema } from '../db/schema';
import { fingerprintArticle, groupInsertedArticles, type ArticleFingerprint } from '../stories';
import { isIngestError, type IngestError } from './errors';
import type { IngestInput, IngestOutcome } from './ingest-document';
import { parseDocument, type ParseOptions } from './parse';
import type { ParsedArticle, ParsedComment, ParsedDocument } from './types';

/** A batch's size for bulk callers (`cli ingest`, the bench): ~2,000 comments of typical pages. */
export const BATCH_DOCUMENTS = 20;
/** …and at most this many bytes, so a folder of large pages is not all held in memory. */
export const BATCH_BYTES = 16 * 1024 * 1024;

/** A document new to the database: parsed (or rejected) before the transaction. */
interface Fresh {
  index: number;
  document: NewDocument;
  parsed: ParsedDocument | IngestError;
  fingerprint?: ArticleFingerprint;
}

/**
 * Outcomes in the order of `inputs`. Parser rejections become stored 'failed' documents; any
 * other error is a bug or an outage, propagates, and leaves nothing of the batch written.
 */
export async function ingestDocuments(
  db: Kysely<Schema>,
  inputs: readonly IngestInput[],
  parseOptions: ParseOptions = {}
): Promise<IngestOutcome[]> {
  const sha256s = inputs.map(({ bytes }) => createHash('sha256').update(bytes).digest('hex'));
  const stored = await findDocumentsBySha256(db, [...new Set(sha256s)]);
  const idOfStored = new Map(stored.map((document) => [document.sha256, document.id]));
  const outcomes: Array<IngestOutcome | undefined> = inputs.map(() => undefined);
  const fresh = new Map<string, Fresh>(); // by SHA-256: a repeat within the batch is not fresh
  inputs.forEach(({ bytes, fileName }, index) => {
    const sha256 = sha256s[index]!;
    const storedId = idOfStored.get(sha256);
    if (storedId !== undefined) outcomes[index] = { status: 'duplicate', documentId: storedId };
    else if (!fresh.has(sha256))
      fresh.set(sha256, prepare(index, sha256, bytes, fileName, parseOptions));
  });
  if (fresh.size > 0) {
    const written = await db.transaction().execute((trx) => storeFresh(trx, [...fresh.values()]));
    for (const { index } of fresh.values()) outcomes[index] = written.get(index);
  }
  // A repeat of a document earlier in this batch: a duplicate of whatever that one became.
  return outcomes.map(
    (outcome, index) =>
      outcome ?? {
        status: 'duplicate',
        documentId: outcomes[fresh.get(sha256s[index]!)!.index]!.documentId
      }
  );
}

/** Parse and fingerprint before the transaction: CPU work should not hold a connection. */
function prepare(
  index: number,
  sha256: string,
  bytes: Uint8Array,
  fileName: string,
  parseOptions: ParseOptions
): Fresh {
  const parsed = parseOrReject(bytes, parseOptions);
  const document: NewDocument = {
    sha256,
    fileName,
    content: bytes,
    parse:
      parsed instanceof Error
        ? { status: 'failed', errorCode: parsed.code, error: parsed.message }
        : {
            status: 'parsed',
            format: parsed.format,
            markup: parsed.markup,
            encoding: parsed.encoding
          }
  };
  if (parsed instanceof Error) return { index, document, parsed };
  return { index, document, parsed, fingerprint: fingerprintArticle(parsed.article) };
}

/** Outcomes by input index. */
async function storeFresh(
  trx: Kysely<Schema>,
  fresh: readonly Fresh[]
): Promise<Map<number, IngestOutcome>> {
  const outcomes = new Map<number, IngestOutcome>();
  const documentIds = await insertDocuments(
    trx,
    fresh.map(({ document }) => document)
  );
  // Not inserted: a concurrent ingest stored the same bytes first. ON CONFLICT waited for it
  // to commit, so this statement sees its row.
  const lost = fresh.filter(({ document }) => !documentIds.has(document.sha256));
  const winners = await findDocumentsBySha256(
    trx,
    lost.map(({ document }) => document.sha256)
  );
  const idOfWinner = new Map(winners.map((document) => [document.sha256, document.id]));
  for (const { index, document } of lost) {
    const documentId = idOfWinner.get(document.sha256);
    if (documentId === undefined)
      throw new Error(`Document ${document.sha256} conflicted on insert but cannot be found`);
    outcomes.set(index, { status: 'duplicate', documentId });
  }

  const parsed: Array<Fresh & { parsed: ParsedDocument; documentId: number }> = [];
  for (const entry of fresh) {
    const documentId = documentIds.get(entry.document.sha256);
    if (documentId === undefined) continue;
    if (entry.parsed instanceof Error)
      outcomes.set(entry.index, { status: 'failed', documentId, error: entry.parsed });
    else parsed.push({ ...entry, parsed: entry.parsed, documentId });
  }
  const articleIds = await insertArticles(
    trx,
    parsed.map(({ documentId, parsed }) => ({ documentId, article: toNewArticle(parsed.article) }))
  );
  const commentIds = await insertCommentsOfArticles(
    trx,
    parsed.map(({ parsed }, at) => ({
      articleId: articleIds[at]!,
      comments: parsed.comments.map(toNewComment)
    }))
  );
  await enqueueComments(trx, commentIds.flat());
  await groupInsertedArticles(
    trx,
    parsed.map(({ parsed, fingerprint }, at) => ({
      id: articleIds[at]!,
      title: parsed.article.title,
      body: parsed.article.body,
      fingerprint: fingerprint!
    }))
  );
  parsed.forEach(({ index, documentId, parsed }, at) =>
    outcomes.set(index, {
      status: 'stored',
      documentId,
      articleId: articleIds[at]!,
      format: parsed.format,
      comments: commentIds[at]!.length
    })
  );
  return outcomes;
}

function parseOrReject(bytes: Uint8Array, options: ParseOptions): ParsedDocument | IngestError {
  try {
    return parseDocument(bytes, options);
  } catch (error) {
    if (isIngestError(error)) return error;
    throw error;
  }
}

function toNewArticle(article: ParsedArticle): NewArticle {
  return {
    title: article.title,
    body: article.body,
    outlet: article.source,
    byline: article.byline,
    publishedAt: toDate(article.publishedAt)
  };
}

function toNewComment(comment: ParsedComment): NewComment {
  return {
    author: comment.author,
    postedAt: toDate(comment.postedAt),
    postedAtRaw: comment.postedAtRaw,
    parent: comment.parent,
    text: comment.text
  };
}

/** ISO 8601 from the parser → Date; one JS can't read is dropped (a comment keeps its raw text). */
function toDate(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
