/**
 * What each browser test file starts with: the built app served on a fresh embedded
 * database, its printed first admin, and a Chromium to drive it; `close` undoes both.
 */
import type { Browser } from 'playwright-core';
import { FIRST_ADMIN_NAME } from '../../src/lib/server/auth/first-admin';
import type { AccountRequest } from './app-accounts';
import { launchBrowser } from './browser';
import { firstAdmin, serveApp, type ServedApp } from './served-app';

export interface BrowserSession {
  app: ServedApp;
  browser: Browser;
  admin: { name: string; password: string };
  close: () => Promise<void>;
}

/**
 * With `accounts`, those people (and the admin) exist before the app starts: find them in
 * `app.accounts`; the admin is then the pre-created one rather than a printed one.
 */
export async function startBrowserSession(
  env: NodeJS.ProcessEnv = {},
  { accounts = [] }: { accounts?: readonly AccountRequest[] } = {}
): Promise<BrowserSession> {
  const app = await serveApp(env, { accounts });
  const admin = app.accounts.get(FIRST_ADMIN_NAME) ?? firstAdmin(app);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return {
    app,
    browser,
    admin,
    close: async () => {
      await browser.close();
      await app.stop();
    }
  };
}
