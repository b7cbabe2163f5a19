/**
 * Every analytics series against the hand-computed fixture (tests/helpers/analytics-fixture.ts
 * has the table of comments), on both engines, and how each filter field narrows them.
 */
import { beforeAll, expect, test } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { analyticsSeries, type AnalyticsSeries } from '../../src/lib/server/analytics';
import {
  ECHO_ENTRY,
  storeAnalyticsFixture,
  UNKNOWN_ENTRY,
  type AnalyticsFixture
} from '../helpers/analytics-fixture';
import { describeEachEngine } from '../helpers/test-databases';

const filter = (input: Record<string, unknown> = {}) => reportFilterSchema.parse(input);
const today = () => new Date().toISOString().slice(0, 10);

describeEachEngine('analytics series', (database) => {
  let fixture: AnalyticsFixture;
  let all: AnalyticsSeries;
  const series = (input: Record<string, unknown>) => analyticsSeries(database().db, filter(input));

  beforeAll(async () => {
    fixture = await storeAnalyticsFixture(database().db);
    all = await series({});
  });

  test('score histogram: 20 bins per label, each scored comment in its bin', () => {
    const toxicity = all.histogram.filter((row) => row.label === 'toxicity');
    expect(toxicity).toHaveLength(20);
    const nonEmpty = toxicity
      .filter((row) => row.comments > 0)
      .map((row) => [row.bin, row.comments]);
    // c3, c5, c6 score 0; c2 0.25; c7 0.625; c1 0.925; c4 exactly 1 (in the last bin).
    expect(nonEmpty).toEqual([
      [0, 3],
      [5, 1],
      [12, 1],
      [18, 1],
      [19, 1]
    ]);
    expect(all.histogram).toHaveLength(6 * 20);
  });

  test('flagged share per label, outlet and article', () => {
    expect(all.flaggedShare.byLabel.map((row) => [row.label, row.flagged, row.scored])).toEqual([
      ['toxicity', 3, 7],
      ['profanity', 1, 7],
      ['insult', 2, 7],
      ['threat', 0, 7],
      ['identity_attack', 0, 7],
      ['antisemitism', 1, 7]
    ]);
    expect(all.flaggedShare.byLabel[0]!.share).toBeCloseTo(3 / 7, 10);
    expect(all.flaggedShare.byOutlet).toEqual([
      { outlet: 'Daily Planet', comments: 5, scored: 5, flagged: 4, share: 4 / 5 },
      { outlet: 'Metro Post', comments: 2, scored: 2, flagged: 1, share: 1 / 2 }
    ]);
    expect(
      all.flaggedShare.byArticle.map((row) => [row.articleId, row.comments, row.flagged])
    ).toEqual([
      [fixture.articles.planet, 4, 3],
      [fixture.articles.metro, 2, 1],
      [fixture.articles.solo, 1, 1]
    ]);
  });

  test('story groups side by side: per outlet of the group, flagged per label', () => {
    expect(all.stories.map((row) => [row.storyGroupId, row.outlet, row.comments])).toEqual([
      [fixture.storyGroup, 'Daily Planet', 4],
      [fixture.storyGroup, 'Metro Post', 2]
    ]);
    const [planet, metro] = all.stories;
    expect(planet!.storyTitle).toBe('Planet story');
    expect(planet!.articleId).toBeNull();
    expect(planet!.flagged).toMatchObject({
      toxicity: 2,
      insult: 1,
      antisemitism: 1,
      profanity: 0
    });
    expect(planet!.share.toxicity).toBe(0.5);
    expect(metro!.flagged).toMatchObject({ toxicity: 0, insult: 1 });
    expect(metro!.share.insult).toBe(0.5);
  });

  test('top authors by flagged comments, with removals; anonymous left out', () => {
    expect(all.authors).toEqual([
      { author: 'ann', comments: 3, flagged: 2, removed: 2 },
      { author: 'bob', comments: 2, flagged: 2, removed: 0 },
      { author: 'cat', comments: 1, flagged: 1, removed: 1 }
    ]);
  });

  test('top coded terms: lexicon spans by entry, hits and comments, with the category', () => {
    expect(all.codedTerms).toEqual([
      { entryId: ECHO_ENTRY, category: 'echo', label: 'antisemitism', hits: 2, comments: 1 },
      { entryId: UNKNOWN_ENTRY, category: null, label: 'profanity', hits: 1, comments: 1 }
    ]);
  });

  test('comments and flags per day, by comment time or else ingest time', () => {
    expect(all.activity).toEqual([
      { unit: 'day', bucket: '2024-03-01', comments: 2, flagged: 1 },
      { unit: 'day', bucket: '2024-03-02', comments: 2, flagged: 2 },
      { unit: 'day', bucket: '2024-03-03', comments: 1, flagged: 0 },
      { unit: 'day', bucket: '2024-03-05', comments: 1, flagged: 1 },
      { unit: 'day', bucket: '2024-03-10', comments: 1, flagged: 1 }
    ]);
  });

  test('moderation outcomes: applied decisions by status set, undos apart, conflicts left out', () => {
    expect(all.outcomes).toEqual([
      { unit: 'day', bucket: today(), approved: 3, removed: 3, escalated: 1, undone: 1 }
    ]);
  });

  test('classifier–moderator agreement per label: confusion counts and precision', () => {
    const byLabel = Object.fromEntries(all.agreement.map((row) => [row.label, row]));
    expect(byLabel.toxicity).toEqual({
      label: 'toxicity',
      truePositive: 2,
      falsePositive: 0,
      falseNegative: 1,
      trueNegative: 2,
      precision: 1,
      recall: 2 / 3
    });
    expect(byLabel.antisemitism).toMatchObject({
      truePositive: 0,
      falsePositive: 1,
      falseNegative: 3,
      trueNegative: 1,
      precision: 0
    });
    expect(byLabel.threat).toMatchObject({ truePositive: 0, falsePositive: 0, precision: null });
    expect(byLabel.insult).toMatchObject({ truePositive: 2, falseNegative: 1, precision: 1 });
  });

  test('an outlet narrows every series', async () => {
    const metro = await series({ outlet: 'Metro Post' });
    expect(metro.flaggedShare.byLabel.find((row) => row.label === 'insult')).toMatchObject({
      flagged: 1,
      scored: 2
    });
    expect(metro.histogram.reduce((sum, row) => sum + row.comments, 0)).toBe(2 * 6);
    expect(metro.flaggedShare.byOutlet.map((row) => row.outlet)).toEqual(['Metro Post']);
    expect(metro.authors).toEqual([{ author: 'ann', comments: 1, flagged: 1, removed: 1 }]);
    expect(metro.codedTerms).toEqual([]);
    expect(metro.activity.map((row) => row.bucket)).toEqual(['2024-03-02', '2024-03-03']);
    expect(metro.outcomes).toEqual([
      { unit: 'day', bucket: today(), approved: 1, removed: 1, escalated: 0, undone: 1 }
    ]);
    expect(metro.stories.map((row) => row.outlet)).toEqual(['Metro Post']);
  });

  test('labels narrow the per-label series and what "flagged" means', async () => {
    const insult = await series({ label: 'insult' });
    expect(insult.labels).toEqual(['insult']);
    expect(new Set(insult.histogram.map((row) => row.label))).toEqual(new Set(['insult']));
    expect(insult.agreement.map((row) => row.label)).toEqual(['insult']);
    expect(insult.flaggedShare.byOutlet.map((row) => [row.outlet, row.flagged])).toEqual([
      ['Daily Planet', 1],
      ['Metro Post', 1]
    ]);
    expect(insult.authors).toEqual([{ author: 'ann', comments: 3, flagged: 2, removed: 2 }]);
    expect(insult.codedTerms).toEqual([]);
    expect(insult.activity.map((row) => row.flagged)).toEqual([1, 1, 0, 0, 0]);
  });

  test('a date range narrows comments by their time, and decisions by theirs', async () => {
    const march = await series({ from: '2024-03-02', to: '2024-03-05' });
    expect(march.activity.map((row) => [row.bucket, row.comments])).toEqual([
      ['2024-03-02', 2],
      ['2024-03-03', 1],
      ['2024-03-05', 1]
    ]);
    expect(march.flaggedShare.byLabel[0]).toMatchObject({
      label: 'toxicity',
      scored: 4,
      flagged: 1
    });
    // The group's other copy has no comments in the range: it stands beside it with zeros.
    const lastDay = await series({ from: '2024-03-05', to: '2024-03-05' });
    expect(lastDay.stories.map((row) => [row.outlet, row.comments, row.flagged.toxicity])).toEqual([
      ['Daily Planet', 1, 1],
      ['Metro Post', 0, 0]
    ]);
    // The decisions were all made today, outside the range.
    expect(march.outcomes).toEqual([]);
    const sinceToday = await series({ from: today() });
    expect(sinceToday.activity).toEqual([]);
    expect(sinceToday.outcomes.map((row) => row.removed)).toEqual([3]);
  });

  test('an article or a story group narrows to its comments', async () => {
    const solo = await series({ article: fixture.articles.solo });
    expect(solo.authors.map((row) => row.author)).toEqual(['cat']);
    expect(solo.stories).toEqual([]);
    const story = await series({ story: fixture.storyGroup });
    expect(story.flaggedShare.byArticle.map((row) => row.articleId)).toEqual([
      fixture.articles.planet,
      fixture.articles.metro
    ]);
  });

  test('a filter that matches nothing gives empty series, not errors', async () => {
    const none = await series({ outlet: 'Nobody' });
    expect(none.histogram.every((row) => row.comments === 0)).toBe(true);
    expect(none.flaggedShare.byLabel.every((row) => row.share === null)).toBe(true);
    expect(none.flaggedShare.byOutlet).toEqual([]);
    expect(none.stories).toEqual([]);
    expect(none.authors).toEqual([]);
    expect(none.activity).toEqual([]);
    expect(none.outcomes).toEqual([]);
    expect(none.agreement.every((row) => row.precision === null)).toBe(true);
  });
});
