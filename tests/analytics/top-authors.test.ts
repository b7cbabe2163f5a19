/**
 * topAuthors counts only the authors who can make the list (see top-authors.ts); with more
 * authors than the list holds, and ties at its edge, it must still give what counting every
 * author's every comment gives (the reference below, the query it replaced).
 */
import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { analyticsScope, topAuthors, type AuthorRow } from '../../src/lib/server/analytics';
import { TOP_AUTHORS } from '../../src/lib/server/analytics/top-authors';
import { decide } from '../../src/lib/server/moderation';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle, type ScoredComment } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('top authors', (database) => {
  const db = () => database().db;

  beforeAll(async () => {
    await emptyModeration(db());
    // 30 authors: author i has i % 4 flagged comments (toxicity or insult) and one clean
    // one, so flagged counts tie in fours across the list's edge.
    const comments: ScoredComment[] = [];
    for (let i = 0; i < 30; i += 1) {
      const author = `author-${String(i).padStart(2, '0')}`;
      for (let k = 0; k < i % 4; k += 1)
        comments.push({ text: k % 2 ? 'insult=0.9' : 'toxicity=0.8', author });
      comments.push({ text: 'clean', author });
    }
    const { commentIds } = await storeScoredArticle(db(), comments, { outlet: 'Authors' });
    const moderatorId = await addModerator(db(), 'Remover');
    // Removals break some of the ties.
    for (const commentId of commentIds.filter((_, index) => index % 5 === 0))
      await decide(db(), {
        commentId,
        moderatorId,
        action: 'remove',
        expectedVersion: 0,
        reason: 'harassment'
      });
  });

  /** Every author's every comment, as the query before it did. */
  async function reference(labels: string[]): Promise<AuthorRow[]> {
    const shown = sql`array[${sql.join(labels.map((label) => sql.lit(label)))}]::text[]`;
    const { rows } = await sql<AuthorRow>`
      select c.author, count(*)::int as comments,
        (count(*) filter (where coalesce(s.flagged && ${shown}, false)))::int as flagged,
        (count(*) filter (where coalesce(m.status, 'pending') = 'removed'))::int as removed
      from comments c
      left join comment_moderation m on m.comment_id = c.id
      left join comment_scores s on s.comment_id = c.id
      where c.author is not null
      group by c.author
      having count(*) filter (where coalesce(s.flagged && ${shown}, false)) > 0
      order by flagged desc, removed desc, c.author
      limit ${sql.lit(TOP_AUTHORS)}`.execute(db());
    return rows;
  }

  test.each([[[]], [['insult']], [['toxicity', 'threat']]])(
    'labels %j: the same list as counting every comment',
    async (label) => {
      const scope = analyticsScope(db(), reportFilterSchema.parse({ label }));
      const authors = await topAuthors(scope);
      expect(authors.length).toBeGreaterThan(0);
      expect(authors).toEqual(await reference([...scope.labels]));
    }
  );
});
