/**
 * JSON and NDJSON exports: the CSV's fields plus each comment's spans and its whole
 * decision history (an undone removal included), streamed as an array or as lines.
 */
import { text } from 'node:stream/consumers';
import { beforeAll, expect, it } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { jsonReport } from '../../src/lib/server/reports/formats/json';
import { storeReportFixture, TRICKY_TEXT, type ReportFixture } from '../helpers/report-fixture';
import { describeEachEngine } from '../helpers/test-databases';

interface JsonRow {
  commentId: number;
  text: string;
  status: string;
  flagged: string[];
  scores: Record<string, number> | null;
  spans: Array<{ start: number; end: number; label: string }>;
  decisions: Array<{ action: string; reason: string | null; moderator: { name: string } }>;
  lastDecision: { action: string; moderator: string; reason: string | null } | null;
}

describeEachEngine('the JSON export', (database) => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await storeReportFixture(database().db);
  });

  it('is one array with spans and the full decision history of every comment', async () => {
    const all = reportFilterSchema.parse({});
    const rows = JSON.parse(
      await text(jsonReport(database().db, all, { batchSize: 2 }))
    ) as JsonRow[];
    const { ids } = fixture;
    expect(rows.map((row) => row.commentId)).toEqual(Object.values(ids).sort((a, b) => a - b));
    const byId = new Map(rows.map((row) => [row.commentId, row]));

    const removed = byId.get(ids.removed)!;
    expect(removed.text).toBe(TRICKY_TEXT);
    expect(removed.spans).toEqual([
      { start: 0, end: 'toxicity=0.8'.length, label: 'toxicity', reason: 'means toxicity' }
    ]);
    expect(removed.scores?.toxicity).toBe(0.8);

    const history = byId.get(ids.reRemoved)!.decisions;
    expect(history.map((entry) => [entry.action, entry.reason, entry.moderator.name])).toEqual([
      ['remove', 'antisemitism', 'Ana'],
      ['undo', null, 'Ben'],
      ['remove', 'hate', 'Ben']
    ]);
    expect(byId.get(ids.reRemoved)!.lastDecision).toMatchObject({
      action: 'remove',
      moderator: 'Ben',
      reason: 'hate'
    });
    expect(byId.get(ids.plainPending)!.decisions).toEqual([]);
    expect(byId.get(ids.unscored)).toMatchObject({ scores: null, flagged: [], spans: [] });
  });

  it('writes NDJSON as one parseable object a line, and [] when nothing matches', async () => {
    const removed = reportFilterSchema.parse({ status: 'removed' });
    const lines = (await text(jsonReport(database().db, removed, { lines: true })))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonRow);
    expect(lines.map((row) => row.commentId)).toEqual([fixture.ids.removed, fixture.ids.reRemoved]);
    expect(lines.every((row) => row.status === 'removed')).toBe(true);

    const none = reportFilterSchema.parse({ outlet: 'Nobody Times' });
    expect(JSON.parse(await text(jsonReport(database().db, none)))).toEqual([]);
  });
});
