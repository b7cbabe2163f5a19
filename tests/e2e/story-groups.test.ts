/**
 * Story groups in a real browser against the built app, on the five seeds it ingests at
 * start: seed 004's page names the other four outlets' articles, and the queue's story
 * filter offers the seeds' group and carries it in the URL.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { firstAdmin, serveApp, type ServedApp } from '../helpers/served-app';

const SEED_004_TITLE = 'Trump Campaign Said To Have 18 Previously Undisclosed Russia Contacts';

describe('story groups on the seeds', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp();
    page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, app.url, firstAdmin(app));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("lists the other four outlets' articles as the same story on seed 004's page", async () => {
    await page.goto(app.url);
    await page.getByRole('link', { name: SEED_004_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: SEED_004_TITLE }).waitFor();
    const sameStory = page.getByRole('navigation', { name: 'Same story at' });
    const links = await sameStory.getByRole('link').allTextContents();
    expect(links).toHaveLength(4);
    expect(links.some((text) => text.startsWith('Quartz: Russia says it has been in touch'))).toBe(
      true
    );
    expect(links.some((text) => text.startsWith('The Hill: Russia: We talked'))).toBe(true);
    expect(links.some((text) => text.includes('18 Previously Undisclosed'))).toBe(false);

    await sameStory.getByRole('link', { name: /^Quartz:/ }).click();
    await page
      .getByRole('heading', { level: 1, name: /^Russia says it has been in touch/ })
      .waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Same story at' }).getByRole('link').count()
    ).toBe(4);
  });

  it("filters the queue by the seeds' story group", async () => {
    await page.goto(`${app.url}queue?status=pending`);
    const story = page.getByLabel('Story');
    const options = await story.locator('option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options[1]).toMatch(/^Russia says it has been in touch.*\(5 outlets\)$/);
    await story.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.has('storyGroupId'));
    const groupId = new URL(page.url()).searchParams.get('storyGroupId');
    expect(groupId).toMatch(/^\d+$/);
    expect(await page.getByLabel('Story').inputValue()).toBe(groupId);
  });
});
