/**
 * The CSV export read back with csv-parse: one row per comment in id order, and every field
 * equal to what was stored — comment text with commas, quotes, CRLF, LF, emoji and Hebrew
 * included — with scores, flags, status and the last decision's moderator and reason.
 */
import { parse } from 'csv-parse/sync';
import { buffer, text } from 'node:stream/consumers';
import { beforeAll, expect, it } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { LABELS } from '../../src/lib/server/classify/types';
import { CSV_COLUMNS } from '../../src/lib/server/reports';
import { csvReport } from '../../src/lib/server/reports/formats/csv';
import { storeReportFixture, TRICKY_TEXT, type ReportFixture } from '../helpers/report-fixture';
import { describeEachEngine } from '../helpers/test-databases';

const everything = reportFilterSchema.parse({});

/** Scores as the marker classifier gave them: the named label's value, the rest 0. */
const scoresOf = (markers: Record<string, number>) =>
  Object.fromEntries(LABELS.map((label) => [`score_${label}`, String(markers[label] ?? 0)]));

describeEachEngine('the CSV export', (database) => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await storeReportFixture(database().db);
  });

  it('reads back with one row per comment and every field intact', async () => {
    const bytes = await buffer(csvReport(database().db, everything, { batchSize: 3 }));
    // A UTF-8 byte-order mark first, so spreadsheet programs read the emoji right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    const records: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    const { ids } = fixture;
    expect(records.map((record) => Number(record.comment_id))).toEqual(
      Object.values(ids).sort((a, b) => a - b)
    );
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
    const byId = new Map(records.map((record) => [Number(record.comment_id), record]));

    expect(byId.get(ids.removed)).toMatchObject({
      article_id: String(fixture.articles.planet),
      article_title: 'Planet article',
      outlet: 'Daily Planet',
      parent_id: '',
      author: 'Zoë, "the" critic',
      posted_at: '2024-03-01T10:00:00.000Z',
      text: TRICKY_TEXT,
      ...scoresOf({ toxicity: 0.8 }),
      flagged: 'toxicity',
      status: 'removed',
      last_decision: 'remove',
      moderator: 'Ana',
      reason: 'harassment',
      note: 'repeat offender, see "thread"'
    });
    expect(byId.get(ids.removed)!.text).toContain('\r\n');
    expect(byId.get(ids.threatPending)).toMatchObject({
      outlet: 'Metro Post',
      text: 'threat=0.7 "quoted"\nnext line',
      ...scoresOf({ threat: 0.7 }),
      flagged: 'threat',
      status: 'pending',
      last_decision: '',
      moderator: '',
      reason: ''
    });
    expect(byId.get(ids.escalated)).toMatchObject({
      status: 'escalated',
      last_decision: 'escalate',
      moderator: 'Ben',
      reason: ''
    });
    // Undone and removed again: the last decision is the second removal, by Ben.
    expect(byId.get(ids.reRemoved)).toMatchObject({
      status: 'removed',
      last_decision: 'remove',
      moderator: 'Ben',
      reason: 'hate'
    });
    expect(byId.get(ids.approved)).toMatchObject({ author: '', flagged: '', status: 'approved' });
    // Never classified: empty scores and flags, not zeros.
    expect(byId.get(ids.unscored)).toMatchObject({
      ...Object.fromEntries(LABELS.map((label) => [`score_${label}`, ''])),
      flagged: '',
      status: 'pending',
      posted_at: '2024-01-10T08:00:00.000Z'
    });
    for (const record of records) expect(record.ingested_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('writes only the header when the filter selects nothing', async () => {
    const filter = reportFilterSchema.parse({ outlet: 'Nobody Times' });
    const csv = await text(csvReport(database().db, filter));
    expect(parse(csv, { bom: true })).toEqual([[...CSV_COLUMNS]]);
  });
});
