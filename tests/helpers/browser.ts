/**
 * Debian's Chromium driven by playwright-core: never a browser download. `.ci/run`
 * installs the package; locally, `apt-get install chromium`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots are test artefacts: written here, never committed (data/ is ignored). */
export const ARTEFACTS_DIR = 'data/test-artefacts';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  mkdirSync(ARTEFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
}

/** Signs in through the login form and waits for the home page. */
export async function signIn(
  page: Page,
  appUrl: string,
  user: { name: string; password: string },
  { javaScript = true }: { javaScript?: boolean } = {}
): Promise<void> {
  await page.goto(`${appUrl}login`);
  // Filled before hydration, the fields can be reset by it, and the empty required fields
  // then stop the form from submitting at all: the page just sits on /login.
  // (A page without JavaScript never hydrates, and has nothing to reset.)
  if (javaScript) await waitForHydration(page);
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  try {
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
  } catch (error) {
    // Say where the browser got stuck, so a failure in CI can be told apart from a slow step.
    const text = await page
      .locator('body')
      .innerText({ timeout: 5_000 })
      .catch(() => '(no body)');
    await page.screenshot({ path: `${ARTEFACTS_DIR}/sign-in-failed.png` }).catch(() => {});
    throw new Error(
      `sign-in as ${user.name} did not reach the home page: at ${page.url()} showing ` +
        `${JSON.stringify(text.slice(0, 400))}`,
      { cause: error }
    );
  }
}

/**
 * How long one browser step may take. Generous: in CI the served app shares two cores with
 * the rest of the suite, and a stuck step still fails with its own name, not the test's.
 */
export const STEP_TIMEOUT_MS = 45_000;

/** Waits until the page runs client-side (the layout marks <main> in onMount). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('main[data-hydrated]').waitFor();
}
