/** Builds corpus rows directly through the repositories, independent of the parser. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  insertArticle,
  insertComments,
  insertDocument,
  type NewComment
} from '../../src/lib/server/corpus';
import type { Schema } from '../../src/lib/server/db';

export interface StoredFixture {
  documentId: number;
  articleId: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function comment(text: string, parent: number | null = null): NewComment {
  return { author: `author of ${text}`, postedAt: null, postedAtRaw: null, parent, text };
}

/** A parsed document with its article and the given comments, in one transaction. */
export function storeArticle(
  db: Kysely<Schema>,
  { title, comments = [] }: { title: string; comments?: NewComment[] }
): Promise<StoredFixture> {
  const content = new TextEncoder().encode(`${title}\n\n${comments.map((c) => c.text).join('\n')}`);
  return db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, {
      sha256: sha256Hex(content),
      fileName: `${title}.txt`,
      content,
      parse: { status: 'parsed', format: 'test', markup: 'text', encoding: 'utf-8' }
    });
    if (documentId === undefined) throw new Error(`${title} is already stored`);
    const articleId = await insertArticle(trx, documentId, {
      title,
      body: 'body',
      outlet: 'Test Outlet',
      byline: null,
      publishedAt: null
    });
    await insertComments(trx, articleId, comments);
    return { documentId, articleId };
  });
}

/** Rows per corpus table, to show that something did or did not change. */
export async function countRows(
  db: Kysely<Schema>
): Promise<{ documents: number; articles: number; comments: number }> {
  const count = async (table: keyof Schema) =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
    ).count;
  return {
    documents: await count('documents'),
    articles: await count('articles'),
    comments: await count('comments')
  };
}
