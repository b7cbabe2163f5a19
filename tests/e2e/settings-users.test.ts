/**
 * Users, the account page and API tokens in a real browser against the built app: the
 * printed first admin adds a moderator with a generated password (shown once); the
 * moderator signs in with it, works the queue, is refused the settings, and changes their
 * own password; the admin makes an API token that a script (fetch from Node) checks on
 * /api/v1/me, then revokes it and the same call is refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';

const MODERATOR = 'mona';
const NEW_PASSWORD = 'mona picks her own passphrase';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

async function callMe(appUrl: string, token: string) {
  const response = await fetch(`${appUrl}api/v1/me`, {
    headers: { authorization: `Bearer ${token}` }
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('users, account and API tokens in a real browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  }, 240_000);

  afterAll(() => session?.close());

  it('adds a moderator who signs in, is kept out of settings and changes their password', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const { url } = session.app;
    await signIn(page, url, session.admin);

    await page.goto(`${url}settings/users`);
    const addForm = page.locator('form.add-user');
    await addForm.getByLabel('Name').fill(MODERATOR);
    await addForm.locator('select[name=role]').selectOption('moderator');
    // The password left empty: one is generated.
    expect(await addForm.getByLabel('Password').inputValue()).toBe('');
    await addForm.getByRole('button', { name: 'Add user' }).click();
    const secret = page.locator('[data-secret]');
    await secret.waitFor();
    const password = (await secret.textContent())!.trim();
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(await page.locator('.shown-once').textContent()).toMatch(/shown only this once/);
    const row = page.locator(`tr[data-user="${MODERATOR}"]`);
    expect(await row.textContent()).toMatch(/active/);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/settings-users.png`, fullPage: true });
    // Shown once: the page loaded again no longer has it.
    await page.reload();
    expect(await page.locator('[data-secret]').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(password);
    await signOut(page);

    await signIn(page, url, { name: MODERATOR, password });
    await page.goto(`${url}queue`);
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const forbidden = await page.goto(`${url}settings/users`);
    expect(forbidden?.status()).toBe(403);

    await page.goto(`${url}account`);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('That is not your current password.').waitFor();

    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    // This session survived the change.
    await page.goto(`${url}queue`);
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await signOut(page);

    await page.getByLabel('Name').fill(MODERATOR);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /name or password/i })
      .waitFor();
    await signIn(page, url, { name: MODERATOR, password: NEW_PASSWORD });
    expect(await page.locator('header').textContent()).toContain(MODERATOR);
    await signOut(page);
    await page.close();
  }, 240_000);

  it('creates an API token that /api/v1/me accepts, and refuses it once revoked', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const { url } = session.app;
    await signIn(page, url, session.admin);

    await page.goto(`${url}settings/tokens`);
    await page.getByLabel('Token name').fill('e2e check');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.locator('[data-secret]');
    await secret.waitFor();
    const token = (await secret.textContent())!.trim();
    expect(token).toMatch(/^tw_[\w-]{43}$/);

    const accepted = await callMe(url, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ name: session.admin.name, role: 'admin' });
    expect(Object.keys(accepted.body).sort()).toEqual(['id', 'name', 'role']);

    await page.reload();
    const row = page.locator('tr[data-token="e2e check"]');
    expect(await row.textContent()).toMatch(/active/);
    await row.getByText('Revoke…').click();
    await row.getByRole('button', { name: 'Revoke e2e check' }).click();
    await page.getByRole('status').filter({ hasText: 'Revoked token "e2e check"' }).waitFor();
    expect(await page.locator('tr[data-token="e2e check"]').textContent()).toMatch(/revoked/);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/settings-tokens.png`, fullPage: true });

    const refused = await callMe(url, token);
    expect(refused.status).toBe(401);
    await page.close();
  }, 240_000);
});
