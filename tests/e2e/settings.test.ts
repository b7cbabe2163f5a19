/**
 * The admin's settings in a real browser against the built app with the seeds classified:
 * a threshold's preview moves with the value before anything is saved, saving shows the
 * new value and its source; a lexicon entry added for a word in a seed comment (after a
 * refused first try that keeps what was typed) flags that comment with the entry's
 * explanation once the stale comments are re-scored.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { waitForClassification } from '../helpers/classification-wait';

/** vitest's expect.poll gives up after 1 s; a loaded CI machine needs a browser step's time. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT_MS });

/** Seed 004: "Pence is the grown up form of Davey from Davey & Goliath, …". */
const EXPLANATION = 'Browser-test entry: calls someone a Goliath, nothing more.';

/** Polls the queue (the worker re-scores in the background) until the explanation shows. */
async function waitForExplainedItem(page: Page, queueUrl: string): Promise<string> {
  for (let attempt = 0; attempt < 180; attempt++) {
    await page.goto(queueUrl);
    const item = page.locator('article.item', { hasText: EXPLANATION });
    if ((await item.count()) > 0) return (await item.first().getAttribute('data-comment-id'))!;
    await page.waitForTimeout(1000);
  }
  throw new Error('the re-scored comment never reached the queue');
}

describe('settings in a real browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  }, 240_000);

  afterAll(() => session?.close());

  it('previews and saves a threshold; adds an entry that flags a seed comment after re-scoring', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const { url } = session.app;
    await signIn(page, url, session.admin);
    await waitForClassification(page, url);

    await page.goto(`${url}settings`);
    const row = page.locator('section[data-label="toxicity"]');
    const input = row.getByLabel('toxicity threshold', { exact: true });
    const wouldFlag = row.locator('.would-flag');
    const flaggedNow = await row.locator('.flagged-now').textContent();
    await input.fill('0.95');
    await poll(() => wouldFlag.textContent()).not.toBe('—');
    const strict = Number(await wouldFlag.textContent());
    await input.fill('0.05');
    await poll(async () => Number(await wouldFlag.textContent())).toBeGreaterThan(strict);
    // Nobody decided anything yet, and nothing is saved until Save.
    await poll(() => row.locator('.no-decisions').textContent()).toBe('no decisions yet');
    expect(await row.locator('.flagged-now').textContent()).toBe(flaggedNow);

    await input.fill('0.4');
    await row.getByRole('button', { name: 'Save' }).click();
    await poll(() => row.locator('.in-force .value').textContent()).toBe('0.400');
    expect(await row.locator('.source').textContent()).toContain('set on this page by admin');
    // Re-flagged in SQL at once: what is flagged now is what the preview said.
    expect(await row.locator('.flagged-now').textContent()).toBe(
      await row.locator('.would-flag').textContent()
    );

    await page.goto(`${url}settings/lexicon`);
    await page.locator('summary', { hasText: 'Add an entry' }).click();
    const form = page.getByRole('form', { name: 'Add an entry' });
    await form.locator('input[name=id]').fill('Bad Id');
    await form.locator('select[name=category]').selectOption('insult');
    await form.locator('textarea[name=forms]').fill('goliath');
    await form.locator('input[name=weight_toxicity]').fill('0.95');
    await form.locator('input[name=weight_insult]').fill('0.9');
    await form.locator('textarea[name=explanation]').fill(EXPLANATION);
    await form.locator('textarea[name=sources]').fill('the settings browser test');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await poll(() => form.locator('#error-id').textContent()).toBe('kebab-case');
    expect(await form.locator('textarea[name=forms]').inputValue()).toBe('goliath');

    await form.locator('input[name=id]').fill('e2e-goliath');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await poll(() =>
      page.locator('tr[data-entry-id="e2e-goliath"] .origin').textContent()
    ).toContain('added by admin');
    await poll(async () =>
      Number(await page.locator('.stale-count').textContent())
    ).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Re-score stale comments' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toMatch(/Queued \d+/);

    const commentId = await waitForExplainedItem(page, `${url}queue?text=Goliath`);
    await page.goto(`${url}comments/${commentId}`);
    await poll(() => page.locator('.reasons').textContent()).toContain(EXPLANATION);
    await page.close();
  }, 600_000);
});
