/**
 * Stores one copy of a story as its own document and article, published at `publishedAt`,
 * and groups it as an ingest would: what the story-window tests need, without a parser.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertArticle, insertDocument } from '../../src/lib/server/corpus';
import type { Schema } from '../../src/lib/server/db/schema';
import { assignStoryGroup } from '../../src/lib/server/stories';

export interface StoryText {
  title: string;
  body: string;
}

export async function storeStoryCopy(
  db: Kysely<Schema>,
  story: StoryText,
  name: string,
  publishedAt: Date | null
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const content = new TextEncoder().encode(name);
    const documentId = await insertDocument(trx, {
      sha256: createHash('sha256').update(content).digest('hex'),
      fileName: name,
      content,
      parse: { status: 'parsed', format: 'text', markup: 'text', encoding: 'utf-8' }
    });
    const articleId = await insertArticle(trx, documentId!, {
      ...story,
      outlet: null,
      byline: null,
      publishedAt
    });
    await assignStoryGroup(trx, { id: articleId, ...story }, { inserted: true });
    return articleId;
  });
}
