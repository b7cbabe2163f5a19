/**
 * The coded terms from the rollup (rollup/terms.ts) against the live chart, where a
 * comment's spans of one entry carry several labels: the comments stay a distinct count
 * whichever labels are shown, hits add up only the shown labels, and the entry's label is
 * the one with most spans, the first by name on a tie (as mode() gives it). Spans without
 * an entry id or with an unknown label are not coded terms.
 */
import { beforeAll, expect, test } from 'vitest';
import * as termsMigration from '../../src/lib/server/db/migrations/2026-11-23-0014-analytics-authors-and-terms';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { analyticsSeries } from '../../src/lib/server/analytics';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const span = (label: string, entryId?: string) => ({
  start: 0,
  end: 1,
  label,
  reason: 't',
  entryId
});

describeEachEngine('coded terms from the rollup', (database) => {
  const db = () => database().db;
  let articleA = 0;

  beforeAll(async () => {
    const a = await storeScoredArticle(db(), [{ text: 'one' }, { text: 'two' }], {
      outlet: 'Terms'
    });
    const b = await storeScoredArticle(db(), [{ text: 'three' }], { outlet: 'Terms' });
    articleA = a.articleId;
    const setSpans = (id: number, spans: object[]) =>
      db()
        .updateTable('comment_scores')
        .set({ spans: JSON.stringify(spans) })
        .where('comment_id', '=', id)
        .execute();
    await setSpans(a.commentIds[0]!, [
      span('insult', 'mixed'),
      span('toxicity', 'mixed'),
      span('threat', 'other')
    ]);
    await setSpans(a.commentIds[1]!, [span('not-a-label', 'mixed'), span('toxicity')]);
    await setSpans(b.commentIds[0]!, [span('toxicity', 'mixed'), span('toxicity', 'mixed')]);
  });

  /** The rollup's coded terms, after checking they equal the live ones. */
  async function codedTerms(input: Record<string, unknown>) {
    const filter = reportFilterSchema.parse({ outlet: 'Terms', ...input });
    const fromRollup = await analyticsSeries(db(), filter);
    expect(fromRollup.source).not.toBeNull();
    const live = await analyticsSeries(db(), filter, { live: true });
    expect(fromRollup.codedTerms).toEqual(live.codedTerms);
    return fromRollup.codedTerms.map(({ entryId, label, hits, comments }) => ({
      entryId,
      label,
      hits,
      comments
    }));
  }

  test('every label, one, two', async () => {
    expect(await codedTerms({})).toEqual([
      { entryId: 'mixed', label: 'toxicity', hits: 4, comments: 2 },
      { entryId: 'other', label: 'threat', hits: 1, comments: 1 }
    ]);
    expect(await codedTerms({ label: 'insult' })).toEqual([
      { entryId: 'mixed', label: 'insult', hits: 1, comments: 1 }
    ]);
    expect(await codedTerms({ label: 'insult,toxicity' })).toEqual([
      { entryId: 'mixed', label: 'toxicity', hits: 4, comments: 2 }
    ]);
  });

  test('a tie between labels goes to the first by name', async () => {
    expect(await codedTerms({ article: String(articleA), label: 'insult,toxicity' })).toEqual([
      { entryId: 'mixed', label: 'insult', hits: 2, comments: 1 }
    ]);
  });

  test('migration 0014 over a rollup already built: rebuilt with the terms', async () => {
    await codedTerms({});
    await termsMigration.down(db());
    await termsMigration.up(db());
    expect(await codedTerms({ label: 'insult' })).toEqual([
      { entryId: 'mixed', label: 'insult', hits: 1, comments: 1 }
    ]);
  });
});
