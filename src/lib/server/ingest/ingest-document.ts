/**
 * Ingests one document: keeps its bytes verbatim under their SHA-256, parses them, and stores
 * the article and comments and queues the comments for classification, all in one
 * transaction (so no comment is stored without its job, nor a job without its comment). The
 * same bytes twice change nothing; a document the parser rejects is kept, marked failed with
 * the reason.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findDocumentBySha256,
  insertArticle,
  insertComments,
  insertDocument,
  type NewArticle,
  type NewComment,
  type ParseResult
} from '../corpus';
import { enqueueComments } from '../classify/jobs/enqueue';
import type { Schema } from '../db/schema';
import { assignStoryGroup, fingerprintArticle } from '../stories';
import { isIngestError, type IngestError } from './errors';
import { parseDocument, type ParseOptions } from './parse';
import type { ParsedArticle, ParsedComment, ParsedDocument } from './types';

export interface IngestInput {
  bytes: Uint8Array;
  /** Shown to people; not used to recognise the document (the SHA-256 is). */
  fileName: string;
}

export type IngestOutcome =
  | { status: 'stored'; documentId: number; articleId: number; format: string; comments: number }
  | { status: 'duplicate'; documentId: number }
  | { status: 'failed'; documentId: number; error: IngestError };

/**
 * Parser rejections (IngestError) become a stored 'failed' document; any other error is a
 * bug or an outage, propagates, and leaves nothing written. `parseOptions.maxBytes`: the
 * parser's size limit (default 20 MB; a larger document is stored as failed, 'too_large').
 */
export async function ingestDocument(
  db: Kysely<Schema>,
  { bytes, fileName }: IngestInput,
  parseOptions: ParseOptions = {}
): Promise<IngestOutcome> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findDocumentBySha256(db, sha256);
  if (existing) return { status: 'duplicate', documentId: existing.id };

  // Parse and fingerprint before the transaction: CPU work should not hold a connection (or
  // PGlite's only one), nor the story-grouping lock.
  const parsed = parseOrReject(bytes, parseOptions);
  const fingerprint = parsed instanceof Error ? undefined : fingerprintArticle(parsed.article);
  return db.transaction().execute(async (trx) => {
    const parse: ParseResult =
      parsed instanceof Error
        ? { status: 'failed', errorCode: parsed.code, error: parsed.message }
        : {
            status: 'parsed',
            format: parsed.format,
            markup: parsed.markup,
            encoding: parsed.encoding
          };
    const documentId = await insertDocument(trx, { sha256, fileName, content: bytes, parse });
    if (documentId === undefined) return duplicateOf(trx, sha256); // a concurrent ingest won
    if (parsed instanceof Error) return { status: 'failed', documentId, error: parsed };

    const articleId = await insertArticle(trx, documentId, toNewArticle(parsed.article));
    const commentIds = await insertComments(trx, articleId, parsed.comments.map(toNewComment));
    await enqueueComments(trx, commentIds);
    const { title, body } = parsed.article;
    await assignStoryGroup(trx, { id: articleId, title, body }, { fingerprint, inserted: true });
    return {
      status: 'stored',
      documentId,
      articleId,
      format: parsed.format,
      comments: commentIds.length
    };
  });
}

function parseOrReject(bytes: Uint8Array, options: ParseOptions): ParsedDocument | IngestError {
  try {
    return parseDocument(bytes, options);
  } catch (error) {
    if (isIngestError(error)) return error;
    throw error;
  }
}

async function duplicateOf(trx: Kysely<Schema>, sha256: string): Promise<IngestOutcome> {
  // ON CONFLICT waited for the other transaction to commit, so this statement sees its row.
  const existing = await findDocumentBySha256(trx, sha256);
  if (!existing) throw new Error(`Document ${sha256} conflicted on insert but cannot be found`);
  return { status: 'duplicate', documentId: existing.id };
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
