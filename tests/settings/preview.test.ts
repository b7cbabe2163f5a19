/**
 * The threshold preview against a hand-computed fixture: seven comments with known
 * toxicity scores and decisions, bucketed by SQL (scoreBuckets) and previewed as the page
 * does (thresholdPreviewer). Removed = a right flag, approved = a wrong one, pending and
 * escalated don't count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { thresholdPreviewer } from '../../src/lib/components/settings/threshold-preview';
import { decide } from '../../src/lib/server/moderation';
import { scoreBuckets } from '../../src/lib/server/settings';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const FIXTURE = [
  { score: '0.9', action: 'remove' },
  { score: '0.8', action: 'approve' },
  { score: '0.7', action: 'remove' },
  { score: '0.6', action: null },
  { score: '0.45', action: 'remove' },
  { score: '0.2', action: 'approve' },
  { score: '0.1', action: 'escalate' }
] as const;

describeEachEngine('the threshold preview from score buckets', (database) => {
  beforeAll(async () => {
    const db = database().db;
    await emptyModeration(db);
    const moderatorId = await addModerator(db, 'Mo');
    const { commentIds } = await storeScoredArticle(
      db,
      FIXTURE.map(({ score }) => ({ text: `toxicity=${score}` }))
    );
    for (const [index, { action }] of FIXTURE.entries()) {
      if (action === null) continue;
      await decide(db, {
        commentId: commentIds[index]!,
        moderatorId,
        action,
        reason: action === 'remove' ? 'harassment' : undefined,
        expectedVersion: 0
      });
    }
  });

  it('counts each thousandth bucket with its removed and approved comments', async () => {
    expect(await scoreBuckets(database().db, 'toxicity')).toEqual([
      { bucket: 100, total: 1, removed: 0, approved: 0 },
      { bucket: 200, total: 1, removed: 0, approved: 1 },
      { bucket: 450, total: 1, removed: 1, approved: 0 },
      { bucket: 600, total: 1, removed: 0, approved: 0 },
      { bucket: 700, total: 1, removed: 1, approved: 0 },
      { bucket: 800, total: 1, removed: 0, approved: 1 },
      { bucket: 900, total: 1, removed: 1, approved: 0 }
    ]);
    // A label nobody scored: every comment in bucket 0.
    expect(await scoreBuckets(database().db, 'threat')).toEqual([
      { bucket: 0, total: 7, removed: 3, approved: 2 }
    ]);
  });

  it('previews flags, TP/FP/FN, precision and recall at any value', async () => {
    const preview = thresholdPreviewer(await scoreBuckets(database().db, 'toxicity'));
    expect(preview(0.5)).toEqual({
      flagged: 4,
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 2 / 3,
      recall: 2 / 3,
      decisions: 5
    });
    // At or over: 0.7 itself is flagged.
    expect(preview(0.7)).toMatchObject({ flagged: 3, truePositives: 2, falsePositives: 1 });
    expect(preview(0.75)).toMatchObject({
      flagged: 2,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 2,
      precision: 0.5,
      recall: 1 / 3
    });
    expect(preview(0)).toMatchObject({ flagged: 7, truePositives: 3, falsePositives: 2 });
    expect(preview(0.95)).toMatchObject({ flagged: 0, precision: null, recall: 0 });
  });
});

describe('the preview without decisions', () => {
  it('says so: no precision or recall, zero decisions', () => {
    const preview = thresholdPreviewer([{ bucket: 500, total: 3, removed: 0, approved: 0 }]);
    expect(preview(0.5)).toEqual({
      flagged: 3,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      precision: null,
      recall: null,
      decisions: 0
    });
    expect(preview(0.501).flagged).toBe(0);
  });
});
