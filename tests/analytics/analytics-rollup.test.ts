/**
 * The analytics rollup (server/analytics/rollup): for the fixture, every series it serves
 * equals the live series for each kind of filter, on both engines; a decision, a re-score
 * and a threshold change each make the next analyticsSeries rebuild it; and a filter whose
 * range is not whole UTC days is answered live. Both levels are covered: the day rows
 * (filters with a date range, and activity) and their totals over all days (the rest),
 * which always equal the day rows summed, migration 0012 included.
 */
import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { analyticsSeries, type AnalyticsSeries } from '../../src/lib/server/analytics';
import { REBUILD_LOCK } from '../../src/lib/server/analytics/rollup/refresh';
import * as totalsMigration from '../../src/lib/server/db/migrations/2026-11-23-0012-analytics-rollup-totals';
import { enqueueCommentsOfArticle, runWorker } from '../../src/lib/server/classify/jobs';
import { LABELS, type Classifier, type LabelScores } from '../../src/lib/server/classify/types';
import { decide } from '../../src/lib/server/moderation';
import { saveThreshold } from '../../src/lib/server/settings';
import { storeAnalyticsFixture, type AnalyticsFixture } from '../helpers/analytics-fixture';
import { lexiconOnlySettings } from '../helpers/classifier-settings';
import { addModerator } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const filter = (input: Record<string, unknown> = {}) => reportFilterSchema.parse(input);

/** The series without `source`, which says where they came from. */
const counts = ({ source: _, ...series }: AnalyticsSeries) => series;

/** Scores every comment `score` for every label, flagging all at 0.5. */
function uniformClassifier(score: number): Classifier {
  const versions = { lexicon: `uniform@${score}` };
  const all = (value: number) =>
    Object.fromEntries(LABELS.map((label) => [label, value])) as LabelScores;
  return {
    versions,
    thresholds: all(0.5),
    classify: async (texts) =>
      texts.map(() => ({
        scores: all(score),
        flagged: score >= 0.5 ? [...LABELS] : [],
        spans: [],
        versions
      }))
  };
}

describeEachEngine('analytics rollup', (database) => {
  let fixture: AnalyticsFixture;
  const db = () => database().db;
  const fromRollup = async (input: Record<string, unknown> = {}) => {
    const series = await analyticsSeries(db(), filter(input));
    expect(series.source).not.toBeNull();
    return series;
  };
  const live = (input: Record<string, unknown> = {}) =>
    analyticsSeries(db(), filter(input), { live: true });
  const expectLive = async (input: Record<string, unknown> = {}) =>
    expect(counts(await fromRollup(input))).toEqual(counts(await live(input)));

  /** The totals level equals the day level summed over days, row for row. */
  const expectTotalsSumDays = async () => {
    const totals = await sql<Record<string, unknown>>`
      select article_id, status, flagged_mask, comments, scored from analytics_rollup_total
      order by 1, 2, 3`.execute(db());
    const days = await sql<Record<string, unknown>>`
      select article_id, status, flagged_mask, sum(comments)::int as comments,
        sum(scored)::int as scored
      from analytics_rollup group by 1, 2, 3 order by 1, 2, 3`.execute(db());
    expect(totals.rows.length).toBeGreaterThan(0);
    expect(totals.rows).toEqual(days.rows);
    const histogram = (table: string) => sql<Record<string, unknown>>`
      select article_id, status, sum(toxicity_b00)::int as t0, sum(insult_b19)::int as i19,
        sum(antisemitism_b07)::int as a7
      from ${sql.table(table)} group by 1, 2 order by 1, 2`;
    expect((await histogram('analytics_rollup_histogram_total').execute(db())).rows).toEqual(
      (await histogram('analytics_rollup_histogram').execute(db())).rows
    );
  };

  beforeAll(async () => {
    fixture = await storeAnalyticsFixture(db());
  });

  test('every series equals the live one, for each kind of filter', async () => {
    const filters: Record<string, unknown>[] = [
      {},
      { outlet: 'Daily Planet' },
      { article: fixture.articles.metro },
      { story: fixture.storyGroup },
      { status: 'removed,approved' },
      { status: 'pending' },
      { label: 'insult,toxicity' },
      { label: 'antisemitism', outlet: 'Metro Post' },
      { from: '2024-03-02', to: '2024-03-05' },
      { from: '2024-03-02T00:00:00Z' },
      { to: '2024-03-01', status: 'removed' },
      { from: '2030-01-01' }
    ];
    for (const input of filters) await expectLive(input);
    // Not vacuous: the fixture's counts are there.
    expect((await fromRollup()).flaggedShare.byLabel[0]).toMatchObject({ flagged: 3, scored: 7 });
    await expectTotalsSumDays();
  });

  test('without a date range the charts read the totals, with one the day rows', async () => {
    await fromRollup();
    // Skew the totals only: the undated series move with them, the dated ones do not.
    const { numUpdatedRows } = await db()
      .updateTable('analytics_rollup_total')
      .set((eb) => ({ scored: eb('scored', '+', 100) }))
      .executeTakeFirstOrThrow();
    try {
      const skewed = await fromRollup();
      expect(skewed.flaggedShare.byLabel[0]).toMatchObject({
        flagged: 3,
        scored: 7 + 100 * Number(numUpdatedRows)
      });
      await expectLive({ from: '2024-01-01' });
    } finally {
      await sql`update analytics_rollup_total set scored = scored - 100`.execute(db());
    }
    await expectLive();
  });

  test('migration 0012 fills the totals from a rollup already built', async () => {
    await fromRollup();
    await totalsMigration.down(db());
    await totalsMigration.up(db());
    // Served without a rebuild (nothing changed), from the totals the migration summed.
    await expectTotalsSumDays();
    await expectLive();
    await expectLive({ outlet: 'Daily Planet', label: 'insult' });
  });

  test('a range that is not whole UTC days is answered live, exactly', async () => {
    for (const input of [
      { from: '2024-03-01T10:30:00Z' },
      { to: '2024-03-02T10:00:00Z' },
      // Inclusive of that instant (<=), which a day's row can't split off.
      { to: '2024-03-02T00:00:00Z' }
    ]) {
      const series = await analyticsSeries(db(), filter(input));
      expect(series.source).toBeNull();
      expect(counts(series)).toEqual(counts(await live(input)));
    }
    const morning = await analyticsSeries(db(), filter({ to: '2024-03-01T10:30:00Z' }));
    expect(morning.activity).toEqual([
      { unit: 'day', bucket: '2024-03-01', comments: 1, flagged: 1 }
    ]);
  });

  test('a decision, a re-score and a threshold change each show at once', async () => {
    const [, c2] = fixture.comments as [number, number];
    const before = await fromRollup();
    const moderatorId = await addModerator(db(), 'Rollup tester');
    await decide(db(), {
      commentId: c2,
      moderatorId,
      action: 'remove',
      expectedVersion: 1,
      reason: 'spam'
    });
    const afterDecision = await fromRollup();
    expect(afterDecision.agreement).not.toEqual(before.agreement);
    await expectLive();

    await enqueueCommentsOfArticle(db(), fixture.articles.solo);
    await runWorker({ db: db(), classifier: uniformClassifier(0.99), untilDrained: true });
    const afterRescore = await fromRollup();
    expect(afterRescore.histogram).not.toEqual(afterDecision.histogram);
    await expectLive();

    await saveThreshold(
      db(),
      { label: 'threat', threshold: '0.3', userId: moderatorId },
      lexiconOnlySettings()
    );
    const afterThreshold = await fromRollup();
    // c7 scored 0.99 for threat: flagged only now that the threshold re-flagged it.
    expect(afterThreshold.flaggedShare.byLabel.find((row) => row.label === 'threat')).toMatchObject(
      { flagged: 1 }
    );
    await expectLive();
    // Each rebuild above was incremental or full; the totals followed either way.
    await expectTotalsSumDays();
  });

  test('the activity bucket size follows the exact times, not whole days', async () => {
    // 2024-03-01 10:00 to 2024-06-01 11:00 is 92 days and an hour: weeks, though the days
    // alone are 92 apart.
    const { commentIds } = await storeScoredArticle(db(), [{ text: 'late', author: 'dan' }]);
    await db()
      .updateTable('comments')
      .set({ posted_at: new Date('2024-06-01T11:00:00Z') })
      .where('id', '=', commentIds[0]!)
      .execute();
    const activity = (await live()).activity;
    expect(activity[0]!.unit).toBe('week');
    await expectLive();
  });

  test('an unchanged database is served from the rollup without a rebuild', async () => {
    const first = await fromRollup();
    const second = await fromRollup();
    expect(second.source).toEqual(first.source);
    expect(second.source!.current).toBe(true);
  });
});

describeEachEngine(
  'analytics rollup, one rebuild at a time',
  (database) => {
    const db = () => database().db;

    test('while another rebuilds, the previous rollup is served, marked as of its build', async () => {
      const fixture = await storeAnalyticsFixture(db());
      const built = await analyticsSeries(db(), filter());
      expect(built.source!.current).toBe(true);
      const moderatorId = await addModerator(db(), 'Concurrent');
      await decide(db(), {
        commentId: fixture.comments[3]!,
        moderatorId,
        action: 'remove',
        expectedVersion: 1,
        reason: 'harassment'
      });
      // Another request's rebuild, as far as the lock goes: held on another connection.
      const served = await db()
        .transaction()
        .execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(${REBUILD_LOCK})`.execute(trx);
          return analyticsSeries(db(), filter());
        });
      expect(served.source).toEqual({ builtAt: built.source!.builtAt, current: false });
      // The rollup's series as they were; the live ones (authors, outcomes) already moved.
      const rolledUp = ({
        histogram,
        flaggedShare,
        stories,
        activity,
        agreement
      }: AnalyticsSeries) => ({ histogram, flaggedShare, stories, activity, agreement });
      expect(rolledUp(served)).toEqual(rolledUp(built));
      // The lock released, the next request rebuilds.
      const after = await analyticsSeries(db(), filter());
      expect(after.source!.current).toBe(true);
      expect(counts(after)).toEqual(counts(await analyticsSeries(db(), filter(), { live: true })));
    });
  },
  // PGlite has one connection: a held lock there would be the request's own.
  { engines: ['postgres'] }
);
