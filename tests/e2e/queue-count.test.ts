/**
 * The queue's count in a real browser when more comments match than the page counts
 * (THREADWATCH_QUEUE_COUNT_LIMIT, here 3, against the seeds' dozens of flagged comments):
 * the heading says "more than", the filter-wide action asks for the exact count before it
 * offers to decide anything, and "Count exactly" gives the number the action then states.
 */
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { waitForClassification } from '../helpers/classification-wait';

describe('the queue count past its limit', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession({ THREADWATCH_QUEUE_COUNT_LIMIT: '3' });
  }, 240_000);

  afterAll(() => session?.close());

  it('says "more than", and counts exactly before a filter-wide action', async () => {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, session.app.url, session.admin);
    await waitForClassification(page, session.app.url);

    // The page as the server sent it, read by an HTML parser as a browser reads it: the
    // count keeps its "Count exactly" form (a form inside a <p> would close the <p> and land
    // after it, leaving an empty paragraph and a page Svelte did not render).
    const served = cheerio.load(await (await page.request.get(`${session.app.url}queue`)).text());
    expect(served('.heading .count').length).toBe(1);
    expect(served('.heading .count form.count-exactly button').text()).toBe('Count exactly');
    expect(served('.bulk .confirm form.count-exactly button').text()).toBe('Count exactly');

    await page.goto(`${session.app.url}queue`);
    const heading = page.locator('.heading .count');
    expect(await heading.textContent()).toMatch(/More than 3\s+pending comments/);
    await page.getByText('Act on all matching…').click();
    const bulk = page.locator('.bulk details');
    expect(await bulk.textContent()).toContain('More than 3 comments match the current filter');
    // Nothing can be decided filter-wide on a number the page does not know.
    expect(await page.getByRole('form', { name: 'Act on all matching' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Count exactly' }).first().click();
    await page.waitForURL((url) => url.searchParams.get('count') === 'exact');
    const exact = Number((await heading.textContent())!.match(/(\d+)\s+pending/)![1]);
    expect(exact).toBeGreaterThan(3);
    // The exact count is the number of pending flagged comments the queue pages through.
    const listed = await page.locator('article.item').count();
    expect(listed).toBe(Math.min(exact, 25));
    await page.getByText(`Act on all ${exact} matching`).click();
    expect(await page.getByRole('form', { name: 'Act on all matching' }).textContent()).toContain(
      `This decides all ${exact} comments matching the current filter`
    );
    await page.close();
  }, 300_000);
});
