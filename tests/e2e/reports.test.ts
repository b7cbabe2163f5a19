/**
 * /reports in a real browser against the built app with the seeds ingested: the preview
 * counts every seed comment (as the article list does), the CSV download button downloads a
 * file that parses to one row per comment, and the export then shows in the recent-exports
 * list with who made it.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';

describe('/reports in a real browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  }, 240_000);

  afterAll(() => session?.close());

  it('previews the counts, downloads the CSV and lists the export', async () => {
    const page = await session.browser.newPage({ acceptDownloads: true });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, session.app.url, session.admin);

    // The article list's comment counts, independent of the report code.
    await page.goto(session.app.url);
    const perArticle = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => Number(row.children[3]?.textContent)));
    expect(perArticle).toHaveLength(5);
    const seedComments = perArticle.reduce((sum, count) => sum + count, 0);

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    expect(await page.locator('dd[data-count=comments]').textContent()).toBe(String(seedComments));
    expect(await page.getByText('No exports yet.').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click()
    ]);
    expect(download.suggestedFilename()).toMatch(/^threadwatch-report-\d{8}-\d{6}\.csv$/);
    const csv = await readFile((await download.path())!);
    const records: Array<Record<string, string>> = parse(csv, { bom: true, columns: true });
    expect(records).toHaveLength(seedComments);
    expect(new Set(records.map((record) => record.comment_id)).size).toBe(seedComments);
    expect(records.every((record) => record.text !== '')).toBe(true);

    await page.reload();
    const exported = page.locator('section[aria-labelledby=recent-exports] tbody tr');
    expect(await exported.count()).toBe(1);
    expect(await exported.locator('td').allTextContents()).toEqual([
      expect.any(String),
      session.admin.name,
      'csv',
      'everything',
      String(seedComments)
    ]);
  }, 240_000);
});
