/**
 * Issue 4's "done when", as a new user would do it: the printed first admin signs in and
 * creates a moderator on the users page; the moderator signs in with the password shown
 * once and triages every one of seed 004's flagged comments with the keyboard alone
 * (approve, remove with a reason, escalate, in turn); every decision is then in the audit
 * trail, read back through the API as the moderator, and the comment pages show them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, STEP_TIMEOUT_MS, waitForHydration } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { waitForClassification } from '../helpers/classification-wait';

const SEED_004_TITLE = 'Trump Campaign Said To Have 18 Previously Undisclosed Russia Contacts';
const MODERATOR = 'moe';

/** The keys pressed for the n-th comment, and the action they make. */
const TRIAGE = [
  { keys: ['a'], action: 'approve', notice: 'Approved' },
  // r opens the reasons with the first focused but none chosen (a reason is required):
  // two arrows choose the third, hate; Enter removes.
  { keys: ['r', 'ArrowDown', 'ArrowDown', 'Enter'], action: 'remove', notice: 'Removed' },
  { keys: ['e'], action: 'escalate', notice: 'Escalated' }
] as const;

const currentId = (page: Page) =>
  page.locator('article.item[aria-current="true"]').getAttribute('data-comment-id');

async function addModerator(page: Page, url: string): Promise<string> {
  await page.goto(`${url}settings/users`);
  const addForm = page.locator('form.add-user');
  await addForm.getByLabel('Name').fill(MODERATOR);
  await addForm.locator('select[name=role]').selectOption('moderator');
  await addForm.getByRole('button', { name: 'Add user' }).click();
  const secret = page.locator('[data-secret]');
  await secret.waitFor();
  return (await secret.textContent())!.trim();
}

interface TrailEntry {
  commentId: number;
  action: string;
  reason: string | null;
  moderator: { name: string };
  conflict: boolean;
}

describe("issue 4's done-when, end to end in a real browser", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  }, 240_000);

  afterAll(() => session?.close());

  it('the printed admin creates a moderator who triages seed 004 by keyboard, all audited', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const { url } = session.app;

    await signIn(page, url, session.admin);
    const password = await addModerator(page, url);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((address) => address.pathname === '/login');

    await signIn(page, url, { name: MODERATOR, password });
    await waitForClassification(page, url);
    await page.goto(`${url}queue`);
    const option = page.locator('select[name=articleId] option', { hasText: SEED_004_TITLE });
    const articleId = (await option.getAttribute('value'))!;
    await page.goto(`${url}queue?articleId=${articleId}`);
    await waitForHydration(page);

    const decided: { id: string; action: string }[] = [];
    while ((await page.locator('article.item').count()) > 0) {
      const id = (await currentId(page))!;
      const step = TRIAGE[decided.length % TRIAGE.length]!;
      for (const key of step.keys) await page.keyboard.press(key);
      await page
        .getByRole('status')
        .filter({ hasText: `${step.notice} comment #${id}` })
        .waitFor();
      decided.push({ id, action: step.action });
    }
    await page.getByText('Nothing matches this filter.').waitFor();
    // Seed 004 has 33 comments; the classifier flags a good share of them.
    expect(decided.length).toBeGreaterThanOrEqual(6);
    expect(new Set(decided.map(({ id }) => id)).size).toBe(decided.length);

    // The audit trail, read as the moderator (the API shares the browser's session).
    const answer = await page.request.get(
      `${url}api/v1/decisions?moderator=${MODERATOR}&limit=200`
    );
    expect(answer.status()).toBe(200);
    const trail = ((await answer.json()) as { decisions: TrailEntry[] }).decisions;
    expect(
      trail.map((entry) => ({ id: String(entry.commentId), action: entry.action })).reverse()
    ).toEqual(decided);
    expect(trail.every((entry) => entry.moderator.name === MODERATOR && !entry.conflict)).toBe(
      true
    );
    expect(new Set(trail.filter((e) => e.action === 'remove').map((e) => e.reason))).toEqual(
      new Set(['hate'])
    );

    // And each comment's own page lists the decision with its moderator.
    const removed = decided.find(({ action }) => action === 'remove')!;
    await page.goto(`${url}comments/${removed.id}`);
    const history = await page.locator('body').textContent();
    expect(history).toContain(MODERATOR);
    expect(history).toMatch(/removed/i);
    await page.close();
  }, 420_000);
});
