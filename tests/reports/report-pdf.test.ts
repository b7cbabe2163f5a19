/**
 * The PDF report opens: page 1 renders with pdftoppm (poppler-utils) to a non-trivial PNG,
 * pdftotext shows the expected counts on the cover, and the table lists the removed and
 * escalated comments with their reasons. Starting an export records it in the audit trail
 * with who, the filter as given and the row count.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { recentExports, startExport } from '../../src/lib/server/reports';
import { storeReportFixture, type ReportFixture } from '../helpers/report-fixture';
import { describeEachEngine } from '../helpers/test-databases';

const folder = mkdtempSync(join(tmpdir(), 'threadwatch-report-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeEachEngine('the PDF report', (database) => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await storeReportFixture(database().db);
  });

  it('renders, states the counts and lists removals with reasons; the export is audited', async () => {
    const db = database().db;
    const pdfPath = join(folder, `report-${Math.random().toString(36).slice(2)}.pdf`);
    const started = await startExport(db, {
      format: 'pdf',
      filter: reportFilterSchema.parse({}),
      user: { id: fixture.moderators.ana, name: 'Ana' },
      via: 'test'
    });
    await pipeline(started.stream, createWriteStream(pdfPath));
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(started.fileName).toMatch(/^threadwatch-report-\d{8}-\d{6}\.pdf$/);

    const pngPrefix = `${pdfPath}-page`;
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdfPath, pngPrefix]);
    const png = readFileSync(`${pngPrefix}-1.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A4 at 50 dpi is about 413 x 585 pixels; the bars and text make it far from blank.
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    expect(statSync(`${pngPrefix}-1.png`).size).toBeGreaterThan(5000);

    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-'], {
      encoding: 'utf8'
    });
    expect(cover).toMatch(/Comments: 7\b/);
    expect(cover).toMatch(/Flagged: 4 \(66\.7% of scored\)/);
    expect(cover).toMatch(/Removed: 2\b/);
    expect(cover).toMatch(/Escalated: 1\b/);
    expect(cover).toMatch(/Decisions: 6 \(approve 1, remove 3, escalate 1, undo 1\)/);
    expect(cover).toContain('Flagged share per label');
    expect(cover).toContain('by Ana');

    const everything = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const table = everything.slice(everything.indexOf('Removed and escalated comments'));
    for (const id of [fixture.ids.removed, fixture.ids.escalated, fixture.ids.reRemoved])
      expect(table).toContain(`#${id}`);
    expect(table).not.toContain(`#${fixture.ids.approved}`);
    expect(table).toContain('harassment');
    expect(table).toContain('hate');

    const [latest] = await recentExports(db, 1);
    expect(latest).toMatchObject({
      id: started.auditEventId,
      user: 'Ana',
      format: 'pdf',
      filter: {},
      rows: 7,
      via: 'test'
    });
  });

  it('records the filter as given, and a filtered cover says what it covers', async () => {
    const db = database().db;
    const filter = reportFilterSchema.parse({ status: 'removed,escalated', to: '2024-03-02' });
    const started = await startExport(db, { format: 'csv', filter, user: null, via: 'cli' });
    started.stream.destroy();
    expect(started.rows).toBe(2);
    const [latest] = await recentExports(db, 1);
    expect(latest).toMatchObject({
      user: null,
      format: 'csv',
      filter: { to: '2024-03-02', status: 'removed,escalated' },
      rows: 2
    });
  });
});
