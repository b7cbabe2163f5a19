/**
 * The story comparison shows the ten busiest story groups (TOP_STORIES), ranked in SQL, with
 * every outlet's copy of each, the same from the rollup as live, on both engines.
 */
import { expect, test } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { analyticsSeries } from '../../src/lib/server/analytics';
import { TOP_STORIES } from '../../src/lib/server/analytics/story-comparison';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const GROUPS = TOP_STORIES + 2;

describeEachEngine('story comparison, top groups', (database) => {
  test('only the busiest groups, each with all its copies, busiest first', async () => {
    const db = database().db;
    const groupIds: number[] = [];
    // Group g has copies at two outlets, with g + 1 and 1 comments: g's total is g + 2.
    for (let group = 0; group < GROUPS; group += 1) {
      const copies = [];
      for (const [outlet, count] of [
        ['Daily Planet', group + 1],
        ['Metro Post', 1]
      ] as const) {
        const comments = Array.from({ length: count }, (_, i) => ({ text: `words ${i}` }));
        copies.push(
          await storeScoredArticle(db, comments, { outlet, title: `story ${group} in ${outlet}` })
        );
      }
      const id = copies[0]!.articleId;
      await db
        .insertInto('story_groups')
        .values({ id, title: `story ${group}` })
        .execute();
      await db
        .updateTable('articles')
        .set({ story_group_id: id })
        .where(
          'id',
          'in',
          copies.map((copy) => copy.articleId)
        )
        .execute();
      groupIds.push(id);
    }
    const filter = reportFilterSchema.parse({});
    const fromRollup = await analyticsSeries(db, filter);
    const live = await analyticsSeries(db, filter, { live: true });
    expect(fromRollup.source).not.toBeNull();
    expect(fromRollup.stories).toEqual(live.stories);
    const busiest = [...groupIds].reverse().slice(0, TOP_STORIES);
    expect(fromRollup.stories.map((row) => [row.storyGroupId, row.outlet])).toEqual(
      busiest.flatMap((id) => [
        [id, 'Daily Planet'],
        [id, 'Metro Post']
      ])
    );
  });
});
