/**
 * The moderator's queue in a real browser (Debian's Chromium via playwright-core) against
 * the built app with the seeds ingested and classified: seed 004's flagged comments worst
 * first with highlighted spans and the lexicon's explanation, keyboard-only triage, bulk
 * and filter-wide actions. The served app holds its embedded database, so every decision
 * is checked through the UI: the `approved` status filter lists exactly the approved ones.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, signIn, STEP_TIMEOUT_MS, waitForHydration } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { waitForClassification } from '../helpers/classification-wait';

const SEED_004_TITLE = 'Trump Campaign Said To Have 18 Previously Undisclosed Russia Contacts';

const items = (page: Page) => page.locator('article.item');
const itemIds = (page: Page) =>
  items(page).evaluateAll((articles) => articles.map((article) => article.dataset.commentId!));
const currentId = (page: Page) =>
  page.locator('article.item[aria-current="true"]').getAttribute('data-comment-id');
const focusedId = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.commentId ?? null);

describe('the queue in a real browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  }, 240_000);

  afterAll(() => session?.close());

  it('lists, highlights and triages seed 004 by keyboard, in bulk and filter-wide', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, session.app.url, session.admin);
    await waitForClassification(page, session.app.url);

    // Seed 004's article, chosen in the filter form.
    await page.goto(`${session.app.url}queue`);
    const articleOption = page.locator('select[name=articleId] option', {
      hasText: SEED_004_TITLE
    });
    const articleId = (await articleOption.getAttribute('value'))!;
    await page.locator('select[name=articleId]').selectOption(articleId);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('articleId') === articleId);
    // The keys below are handled client-side: a press before hydration would be lost.
    await waitForHydration(page);
    const queueUrl = page.url();

    // Worst first: each item's highest flagged score never rises down the list.
    const severities = await items(page).evaluateAll((articles) =>
      articles.map((article) =>
        Math.max(
          ...[...article.querySelectorAll('.row.flagged .value')].map((v) => Number(v.textContent))
        )
      )
    );
    expect(severities.length).toBeGreaterThanOrEqual(6);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));

    // Every explanation of the echo names (((Reuters))): pick the comment by its own text.
    const reuters = items(page).filter({
      has: page.locator('.text', { hasText: '(((Reuters))) = (((WSJ)))' })
    });
    expect(await reuters.count()).toBe(1);
    expect(await reuters.locator('mark', { hasText: '(((Reuters)))' }).count()).toBe(1);
    // The lexicon's explanation of the coded term comes first, before the model's weighing.
    expect(await reuters.locator('.explanations li').first().textContent()).toMatch(
      /^\(\(\(Reuters\)\)\) \(antisemitism\): .*parentheses/i
    );
    expect(
      await page
        .locator('article.item .text')
        .evaluateAll((texts) =>
          texts.every((text) =>
            [...text.querySelectorAll('*')].every((el) => el.tagName === 'MARK')
          )
        )
    ).toBe(true);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/queue.png`, fullPage: true });

    // j / k move the current item.
    const ids = await itemIds(page);
    await page.keyboard.press('j');
    expect(await currentId(page)).toBe(ids[1]);
    expect(await focusedId(page)).toBe(ids[1]);
    await page.keyboard.press('k');
    expect(await currentId(page)).toBe(ids[0]);

    // a approves the current item: it leaves the pending queue, focus moves to the next one.
    await page.keyboard.press('a');
    await page
      .getByRole('status')
      .filter({ hasText: `Approved comment #${ids[0]}` })
      .waitFor();
    expect(await itemIds(page)).toEqual(ids.slice(1));
    expect(await focusedId(page)).toBe(ids[1]);

    // r opens the reason chooser; the arrow keys pick a reason, Enter removes.
    await page.keyboard.press('r');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Removed comment #${ids[1]}` })
      .waitFor();
    expect(await itemIds(page)).toEqual(ids.slice(2));
    expect(await focusedId(page)).toBe(ids[2]);

    // u undoes the removal: the comment is pending again.
    await page.keyboard.press('u');
    await page.getByRole('status').filter({ hasText: `Undid` }).waitFor();
    expect(await itemIds(page)).toEqual(ids.slice(1));

    // ? shows the help overlay; Escape closes it.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // x on two items, then approve the selection.
    const current = await currentId(page);
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    const next = await currentId(page);
    await page.keyboard.press('x');
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Approved 2 comments' }).waitFor();
    const left = await itemIds(page);
    expect(left).not.toContain(current);
    expect(left).not.toContain(next);

    // Every comment matching the filter, after a confirmation that states the count.
    const matching = left.length;
    await page.getByText(`Act on all ${matching} matching`).click();
    expect(await page.getByRole('form', { name: 'Act on all matching' }).textContent()).toContain(
      `This decides all ${matching} comments matching the current filter`
    );
    await page.getByRole('button', { name: `Approve all ${matching}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Approved ${matching} comments` })
      .waitFor();
    await page.getByText('Nothing matches this filter.').waitFor();

    // The decisions landed: the approved filter lists exactly the approved comments.
    const approvedUrl = new URL(queueUrl);
    approvedUrl.searchParams.set('status', 'approved');
    await page.goto(approvedUrl.href);
    const approved = await itemIds(page);
    expect(approved.sort()).toEqual([ids[0]!, current!, next!, ...left].sort());
    expect(approved).toHaveLength(3 + matching);
    await page.close();
  }, 300_000);
});
