/**
 * The article and comment pages in a real browser against the built app: seed 004's
 * nested thread with statuses; the (((Reuters))) comment's scores, highlighted span and
 * lexicon explanation, and a decision made there showing in its history; unknown ids 404;
 * and a page of hostile comments, served from its own seeds folder, rendering inert.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/server/ingest/parse';
import { ARTEFACTS_DIR, launchBrowser, signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { firstAdmin, serveApp, type ServedApp } from '../helpers/served-app';

const SEED_004_TITLE = 'Trump Campaign Said To Have 18 Previously Undisclosed Russia Contacts';
const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script>';
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=2">';

/** A ZeroHedge-style text page (seed 004's `Name's picture` layout) carrying the payloads. */
const HOSTILE_PAGE = `Harbour bridge reopens after repairs

Staff Writer's picture

The harbour bridge reopened on Monday after six weeks of repairs, the city said.

Alice Example's picture

Glad it is open again. ${SCRIPT_PAYLOAD}

Bob Example's picture

Looks fine to me ${IMG_PAYLOAD} honestly.
`;

async function startSignedIn(
  browser: Browser,
  env: NodeJS.ProcessEnv = {}
): Promise<{ app: ServedApp; page: Page; adminName: string }> {
  const app = await serveApp(env);
  const admin = firstAdmin(app);
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await signIn(page, app.url, admin);
  return { app, page, adminName: admin.name };
}

/** The worker scores in the background after start: reload until the scores are in. */
async function waitForScores(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 90; attempt += 1) {
    if ((await page.locator('table.scores').count()) > 0) return;
    await page.waitForTimeout(2_000);
    await page.reload();
  }
  throw new Error('the comment was never scored');
}

describe('article and comment pages on the seeds', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let adminName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ app, page, adminName } = await startSignedIn(browser));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows seed 004 with its body and thread of 33 comments with statuses', async () => {
    await page.getByRole('link', { name: SEED_004_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: SEED_004_TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/articles\/\d+$/);
    expect(await page.locator('.body').textContent()).toContain(
      'Just when it seemed that Trump was about to put the Russian allegations'
    );
    const comments = page.locator('article.comment');
    expect(await comments.count()).toBe(33);
    // The seed is copied text without reply structure: all 33 sit at the thread's top level.
    expect(await page.locator('ul.thread > li > article.comment').count()).toBe(33);
    expect(await comments.locator('.status').count()).toBe(33);
    expect(await comments.first().locator('.status').textContent()).toBe('pending');
  });

  it("shows the (((Reuters))) comment's scores, span and reason, and records a decision", async () => {
    await page
      .locator('article.comment', { hasText: '(((Reuters)))' })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL((url) => /^\/comments\/\d+$/.test(url.pathname));
    await waitForScores(page);

    const labels = await page
      .locator('table.scores tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-label')));
    expect(labels).toEqual([
      'toxicity',
      'profanity',
      'insult',
      'threat',
      'identity_attack',
      'antisemitism'
    ]);
    // Overlapping spans cut the highlight into several marks; the reasons list shows each whole.
    const marks = await page.locator('.comment-text p.text mark').allTextContents();
    expect(marks.join('')).toContain('(((Reuters)))');
    expect(await page.locator('.reasons mark').allTextContents()).toContain('(((Reuters)))');
    expect(await page.locator('.reasons').textContent()).toMatch(/parentheses around a name/);

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').waitFor();
    const history = page.locator('ol.history li');
    await history.first().waitFor();
    expect(await history.first().textContent()).toContain(adminName);
    expect(await history.first().textContent()).toContain('approve');
    expect(await page.locator('.focus .status').textContent()).toBe('approved');
    await page.screenshot({ path: `${ARTEFACTS_DIR}/comment.png`, fullPage: true });
  }, 240_000);

  it('answers 404 for unknown or non-numeric ids', async () => {
    for (const path of ['/comments/abc', '/comments/999999', '/articles/1e3', '/articles/0']) {
      const response = await page.goto(new URL(path, app.url).href);
      expect(response?.status(), path).toBe(404);
    }
  });
});

describe('hostile comment text', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let seedsDir: string;

  beforeAll(async () => {
    seedsDir = mkdtempSync(join(tmpdir(), 'threadwatch-hostile-seeds-'));
    writeFileSync(join(seedsDir, 'hostile.txt'), HOSTILE_PAGE);
    browser = await launchBrowser();
    ({ app, page } = await startSignedIn(browser, { THREADWATCH_SEEDS_DIR: seedsDir }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (seedsDir) rmSync(seedsDir, { recursive: true, force: true });
  });

  it('parses the payloads as comment text', () => {
    const texts = parseDocument(HOSTILE_PAGE).comments.map((comment) => comment.text);
    expect(texts).toEqual([
      `Glad it is open again. ${SCRIPT_PAYLOAD}`,
      `Looks fine to me ${IMG_PAYLOAD} honestly.`
    ]);
  });

  it('renders them as literal text on the article and comment pages', async () => {
    await page.getByRole('link', { name: 'Harbour bridge reopens after repairs' }).click();
    const comments = page.locator('article.comment');
    await comments.first().waitFor();
    expect(await comments.locator('.text').allTextContents()).toEqual([
      `Glad it is open again. ${SCRIPT_PAYLOAD}`,
      `Looks fine to me ${IMG_PAYLOAD} honestly.`
    ]);
    expect(await comments.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    const hrefs = await comments
      .locator('header a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    for (const [index, payload] of [SCRIPT_PAYLOAD, IMG_PAYLOAD].entries()) {
      await page.goto(new URL(hrefs[index]!, app.url).href);
      const text = page.locator('.comment-text p.text');
      await text.waitFor();
      expect(await text.textContent()).toContain(payload);
      expect(await page.locator('.comment-text').locator('img, script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    }
  }, 120_000);
});
