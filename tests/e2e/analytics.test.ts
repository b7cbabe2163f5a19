/**
 * /analytics in a real browser against the built app, as an analyst, after the five seeds
 * are classified and an admin has removed and approved some flagged comments through the
 * API: every chart draws with data, the seeds form one story group of five outlets, and a
 * chart's CSV and PNG downloads are what they claim.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, signIn, STEP_TIMEOUT_MS, waitForHydration } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { waitForClassification } from '../helpers/classification-wait';

const CHARTS = [
  'score-histogram',
  'flagged-by-label',
  'flagged-by-outlet',
  'flagged-by-article',
  'story-groups',
  'top-authors',
  'coded-terms',
  'activity',
  'outcomes',
  'agreement'
];

describe('the analytics page', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({}, { accounts: [{ name: 'dana', role: 'analyst' }] });
    const admin = await session.browser.newPage();
    admin.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(admin, session.app.url, session.admin);
    await waitForClassification(admin, session.app.url);
    // Decide on the six worst flagged comments: remove four, approve two.
    const queue = await admin.request.get(`${session.app.url}api/v1/queue?limit=6`);
    const items: Array<{ comment: { id: number }; version: number }> = (await queue.json()).items;
    expect(items).toHaveLength(6);
    for (const [index, item] of items.entries()) {
      const remove = index < 4;
      const answer = await admin.request.post(
        `${session.app.url}api/v1/comments/${item.comment.id}/decisions`,
        {
          data: {
            action: remove ? 'remove' : 'approve',
            ...(remove ? { reason: 'hate' } : {}),
            version: item.version
          }
        }
      );
      expect(answer.status()).toBe(201);
    }
    await admin.close();

    page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, session.app.url, session.app.accounts.get('dana')!);
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    await waitForHydration(page);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  const card = (id: string) => page.locator(`section[data-chart="${id}"]`);

  it('draws every chart, with its numbers in a table', async () => {
    expect(await page.locator('section[data-chart]').count()).toBe(CHARTS.length);
    for (const id of CHARTS) {
      const canvas = card(id).locator('canvas');
      await canvas.waitFor();
      const paintedPixels = await canvas.evaluate((element: HTMLCanvasElement) => {
        const { data } = element
          .getContext('2d')!
          .getImageData(0, 0, element.width, element.height);
        let painted = 0;
        for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]! > 0) painted++;
        return painted;
      });
      expect(paintedPixels, `${id} has drawn`).toBeGreaterThan(500);
      const rows = await card(id).locator('tbody tr').count();
      expect(rows, `${id} has table rows`).toBeGreaterThan(0);
      expect(await card(id).locator('table caption').count()).toBe(1);
    }
    // Decisions were made: the outcomes table counts four removals and two approvals.
    const outcomes = await card('outcomes').locator('tbody tr').first().textContent();
    expect(outcomes).toMatch(/^\d{4}-\d{2}-\d{2}2400$/);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/analytics.png`, fullPage: true });
  });

  it("shows the seeds' story group with its five outlets side by side", async () => {
    const rows = card('story-groups').locator('tbody tr');
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? ''))
    );
    expect(cells).toHaveLength(5);
    expect(new Set(cells.map((row) => row[0])).size).toBe(5);
    expect(new Set(cells.map((row) => row[1])).size).toBe(1);
    // Only seed 004 (ZeroHedge) has a comment section; the other copies stand beside it at 0.
    expect(cells.map((row) => Number(row[2])).sort((a, b) => b - a)).toEqual([33, 0, 0, 0, 0]);
  });

  it('downloads a chart as CSV matching its table, and as a PNG', async () => {
    const outlets = card('flagged-by-outlet');
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      outlets.getByRole('button', { name: 'Download CSV' }).click()
    ]);
    expect(csvDownload.suggestedFilename()).toBe('flagged-by-outlet.csv');
    const csv: string[][] = parse(await readFile((await csvDownload.path())!, 'utf8'));
    const table = await outlets
      .locator('table tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? ''))
      );
    expect(csv).toEqual(table);
    expect(csv.length).toBeGreaterThan(1);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      card('score-histogram').getByRole('button', { name: 'Download PNG' }).click()
    ]);
    expect(pngDownload.suggestedFilename()).toBe('score-histogram.png');
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(1000);
  });
});
