/**
 * The SQL of the queue's page query, for review: what runs for the default (pending) queue
 * and for a page further on with every filter set. See queue-query.ts for the indexes.
 */
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  DummyDriver
} from 'kysely';
import { expect, it } from 'vitest';
import { queueFilterSchema } from '../../src/lib/schemas/queue-filter';
import type { Schema } from '../../src/lib/server/db/schema';
import { queuePageQuery } from '../../src/lib/server/moderation';

// Compiles without a connection.
const db = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler()
  }
});

it('the pending queue, first page', () => {
  const { sql } = queuePageQuery(db, queueFilterSchema.parse({}), { limit: 50 }).compile();
  expect(sql).toMatchInlineSnapshot(
    `"select "c"."id", "c"."text", "c"."author", "c"."posted_at", "c"."position", "a"."id" as "article_id", "a"."title", "a"."outlet", "p"."text" as "parent_text", "s"."flagged", "s"."spans", "s"."toxicity", "s"."profanity", "s"."insult", "s"."threat", "s"."identity_attack", "s"."antisemitism", coalesce(m.status, 'pending') as "status", coalesce(m.version, 0) as "version", s.max_flagged_score as "severity" from "comment_scores" as "s" left join "comment_moderation" as "m" on "m"."comment_id" = "s"."comment_id" inner join "comments" as "c" on "c"."id" = "s"."comment_id" inner join "articles" as "a" on "a"."id" = "c"."article_id" left join "comments" as "p" on "p"."id" = "c"."parent_id" where "s"."max_flagged_score" is not null and not exists (select "decided"."comment_id" from "comment_moderation" as "decided" where "decided"."comment_id" = "s"."comment_id" and "decided"."status" <> $1) order by s.max_flagged_score desc, "s"."comment_id" desc limit $2"`
  );
});

it('a later page with every filter', () => {
  const filter = queueFilterSchema.parse({
    label: 'antisemitism',
    articleId: 7,
    outlet: 'Daily',
    author: 'rex',
    minScore: 0.6,
    maxScore: 0.95,
    status: 'pending',
    text: 'globalist'
  });
  const after = Buffer.from(JSON.stringify([0.9, 1234])).toString('base64url');
  const { sql, parameters } = queuePageQuery(db, filter, { after, limit: 50 }).compile();
  expect(sql).toMatchInlineSnapshot(
    `"select "c"."id", "c"."text", "c"."author", "c"."posted_at", "c"."position", "a"."id" as "article_id", "a"."title", "a"."outlet", "p"."text" as "parent_text", "s"."flagged", "s"."spans", "s"."toxicity", "s"."profanity", "s"."insult", "s"."threat", "s"."identity_attack", "s"."antisemitism", coalesce(m.status, 'pending') as "status", coalesce(m.version, 0) as "version", s.max_flagged_score as "severity" from "comment_scores" as "s" left join "comment_moderation" as "m" on "m"."comment_id" = "s"."comment_id" inner join "comments" as "c" on "c"."id" = "s"."comment_id" inner join "articles" as "a" on "a"."id" = "c"."article_id" left join "comments" as "p" on "p"."id" = "c"."parent_id" where "s"."max_flagged_score" is not null and not exists (select "decided"."comment_id" from "comment_moderation" as "decided" where "decided"."comment_id" = "s"."comment_id" and "decided"."status" <> $1) and 'antisemitism' = any(s.flagged) and "s"."antisemitism" >= $2 and "s"."antisemitism" <= $3 and "s"."article_id" = $4 and "s"."article_id" in (select "fa"."id" from "articles" as "fa" where "fa"."outlet" = $5) and s.comment_id = any(array((select "fc"."id" from "comments" as "fc" where "fc"."author" = $6))) and exists (select "ft"."comment_id" from "queue_search_texts" as "ft" where "ft"."comment_id" = "s"."comment_id" and "ft"."text" ilike $7) and (s.max_flagged_score, s.comment_id) < ($8, $9) order by s.max_flagged_score desc, "s"."comment_id" desc limit $10"`
  );
  expect(parameters).toEqual([
    'pending',
    0.6,
    0.95,
    7,
    'Daily',
    'rex',
    '%globalist%',
    0.9,
    1234,
    51
  ]);
});
