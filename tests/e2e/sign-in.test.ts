/**
 * Signing in with a real browser (Debian's Chromium via playwright-core) against the built
 * app served as `npm start` serves it: the first admin's printed password works, a wrong
 * one gets the message, and signing out ends the session.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, launchBrowser, STEP_TIMEOUT_MS } from '../helpers/browser';
import { firstAdmin, serveApp, type ServedApp } from '../helpers/served-app';

describe('sign-in in a real browser', () => {
  let app: ServedApp;
  let browser: Browser;
  let admin: { name: string; password: string };

  beforeAll(async () => {
    app = await serveApp();
    admin = firstAdmin(app);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sends a visitor to the login page, refuses a wrong password, admits the admin', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(app.url);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('Name').fill(admin.name);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/name or password/i);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await page.locator('header').textContent()).toContain(admin.name);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/articles.png`, fullPage: true });

    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(app.url);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  }, 120_000);
});
