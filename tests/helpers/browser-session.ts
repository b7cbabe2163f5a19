/**
 * What each browser test file starts with: the built app served on a fresh embedded
 * database, its printed first admin, and a Chromium to drive it; `close` undoes both.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { firstAdmin, serveApp, type ServedApp } from './served-app';

export interface BrowserSession {
  app: ServedApp;
  browser: Browser;
  admin: { name: string; password: string };
  close: () => Promise<void>;
}

export async function startBrowserSession(env: NodeJS.ProcessEnv = {}): Promise<BrowserSession> {
  const app = await serveApp(env);
  const admin = firstAdmin(app);
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
