/**
 * Thresholds from the settings page: precedence (configuration over the page over
 * thresholds.json over the default), saving and resetting re-flag the stored verdicts so
 * the queue changes at once, each change is audited, and bad input changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { queueFilterSchema } from '../../src/lib/schemas/queue-filter';
import { listAuditEvents } from '../../src/lib/server/audit';
import { resolveThresholdSources } from '../../src/lib/server/classify/thresholds';
import { countQueue } from '../../src/lib/server/moderation';
import { resetThreshold, saveThreshold, thresholdsInForce } from '../../src/lib/server/settings';
import { lexiconOnlySettings } from '../helpers/classifier-settings';
import { addModerator, emptyModeration } from '../helpers/moderators';
import { storeScoredArticle } from '../helpers/scored-comments';
import { describeEachEngine } from '../helpers/test-databases';

const FILE = {
  chosenOn: 'test',
  thresholds: { toxicity: 0.6, insult: 0.7 },
  metrics: {
    toxicity: { precision: 0.9, recall: 0.8, f1: 0.847, positives: 40, negatives: 60 }
  }
};

describe('threshold precedence', () => {
  it('takes configuration over the settings page over the file over the default', () => {
    const resolved = resolveThresholdSources(
      FILE,
      { toxicity: 0.3 },
      { toxicity: 0.4, insult: 0.45, threat: 0.55 }
    );
    expect(resolved.toxicity).toEqual({ threshold: 0.3, source: 'configuration' });
    expect(resolved.insult).toEqual({ threshold: 0.45, source: 'settings' });
    expect(resolved.threat).toEqual({ threshold: 0.55, source: 'settings' });
    expect(resolved.profanity).toEqual({ threshold: 0.5, source: 'default' });
    expect(resolveThresholdSources(FILE).insult).toEqual({ threshold: 0.7, source: 'file' });
  });
});

describeEachEngine('thresholds on the settings page', (database) => {
  let admin = 0;
  let ids: number[] = [];
  const toxicQueue = () =>
    countQueue(database().db, queueFilterSchema.parse({ label: 'toxicity' }));
  const flaggedOf = async (id: number) =>
    (
      await database()
        .db.selectFrom('comment_scores')
        .select('flagged')
        .where('comment_id', '=', id)
        .executeTakeFirstOrThrow()
    ).flagged;

  beforeEach(async () => {
    const db = database().db;
    await emptyModeration(db);
    await db.deleteFrom('label_thresholds').execute();
    admin = await addModerator(db, 'Ada');
    ({ commentIds: ids } = await storeScoredArticle(db, [
      { text: 'toxicity=0.7' },
      { text: 'toxicity=0.55 insult=0.9' },
      { text: 'toxicity=0.3' }
    ]));
  });

  it('reports each value in force with its source, who set it and the file metrics', async () => {
    const settings = lexiconOnlySettings({ file: FILE, configured: { threat: 0.2 } });
    await saveThreshold(
      database().db,
      { label: 'insult', threshold: '0.65', userId: admin },
      settings
    );
    const rows = await thresholdsInForce(database().db, settings);
    const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));
    expect(byLabel.toxicity).toMatchObject({
      threshold: 0.6,
      source: 'file',
      fileThreshold: 0.6,
      fileMetrics: { precision: 0.9, recall: 0.8 }
    });
    expect(byLabel.insult).toMatchObject({ threshold: 0.65, source: 'settings', updatedBy: 'Ada' });
    expect(byLabel.threat).toMatchObject({
      threshold: 0.2,
      source: 'configuration',
      variable: 'THREADWATCH_THRESHOLD_THREAT'
    });
    expect(byLabel.profanity).toMatchObject({ threshold: 0.5, source: 'default' });
  });

  it('re-flags stored verdicts on save and reset, so the queue changes at once', async () => {
    const settings = lexiconOnlySettings();
    expect(await toxicQueue()).toBe(2);
    const saved = await saveThreshold(
      database().db,
      { label: 'toxicity', threshold: '0.6', userId: admin },
      settings
    );
    expect(saved).toEqual({ ok: true, label: 'toxicity', from: 0.5, to: 0.6, reflagged: 1 });
    expect(await toxicQueue()).toBe(1);
    expect(await flaggedOf(ids[1]!)).toEqual(['insult']);
    expect(await flaggedOf(ids[0]!)).toEqual(['toxicity']);

    const reset = await resetThreshold(
      database().db,
      { label: 'toxicity', userId: admin },
      settings
    );
    expect(reset).toMatchObject({ ok: true, from: 0.6, to: 0.5, reflagged: 1 });
    expect(await toxicQueue()).toBe(2);
    // LABELS order, as the classifier writes it.
    expect(await flaggedOf(ids[1]!)).toEqual(['toxicity', 'insult']);
    const events = await listAuditEvents(database().db, { action: 'threshold.' });
    expect(events.map((event) => [event.action, event.detail, event.userName])).toEqual([
      ['threshold.reset', { label: 'toxicity', from: 0.6, to: 0.5 }, 'Ada'],
      ['threshold.set', { label: 'toxicity', from: 0.5, to: 0.6 }, 'Ada']
    ]);
  });

  it('refuses a value outside [0, 1], a non-number or an unknown label, changing nothing', async () => {
    const settings = lexiconOnlySettings();
    const db = database().db;
    const attempts = [
      [{ label: 'toxicity', threshold: '1.5' }, 'threshold', 'at most 1'],
      [{ label: 'toxicity', threshold: '-0.1' }, 'threshold', 'at least 0'],
      [{ label: 'toxicity', threshold: 'high' }, 'threshold', 'between 0 and 1'],
      [{ label: 'toxicity', threshold: ' ' }, 'threshold', 'between 0 and 1'],
      [{ label: 'rudeness', threshold: '0.4' }, 'label', 'Choose one of the labels']
    ] as const;
    for (const [input, field, message] of attempts) {
      const outcome = await saveThreshold(db, { ...input, userId: admin }, settings);
      expect(outcome).toMatchObject({ ok: false, field });
      expect(outcome.ok ? '' : outcome.message).toContain(message);
    }
    expect(await db.selectFrom('label_thresholds').selectAll().execute()).toEqual([]);
    expect(await listAuditEvents(db, { action: 'threshold.' })).toEqual([]);
    expect(await toxicQueue()).toBe(2);
  });

  it('refuses to change a threshold that configuration fixes, naming the variable', async () => {
    const settings = lexiconOnlySettings({ configured: { toxicity: 0.4 } });
    const outcome = await saveThreshold(
      database().db,
      { label: 'toxicity', threshold: 0.9, userId: admin },
      settings
    );
    expect(outcome).toMatchObject({ ok: false, field: 'threshold' });
    expect(outcome.ok ? '' : outcome.message).toContain('THREADWATCH_THRESHOLD_TOXICITY');
    expect(await database().db.selectFrom('label_thresholds').selectAll().execute()).toEqual([]);
  });
});
