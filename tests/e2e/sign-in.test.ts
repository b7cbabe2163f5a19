/**
 * Signing in with a real browser (Debian's Chromium via playwright-core) against the built
 * app served as `npm start` serves it: the first admin's printed password works, a wrong
 * one gets the message, and signing out ends the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, STEP_TIMEOUT_MS, waitForHydration } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';

describe('sign-in in a real browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  }, 240_000);

  afterAll(() => session?.close());

  it('sends a visitor to the login page, refuses a wrong password, admits the admin', async () => {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(session.app.url);
    expect(new URL(page.url()).pathname).toBe('/login');
    await waitForHydration(page);

    await page.getByLabel('Name').fill(session.admin.name);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/name or password/i);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('Password').fill(session.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await page.locator('header').textContent()).toContain(session.admin.name);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/articles.png`, fullPage: true });

    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(session.app.url);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  }, 120_000);
});
