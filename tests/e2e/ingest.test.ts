/**
 * The ingest page in a real browser against the built app: two files dropped at once (a
 * page written for this test and a binary one) each get their own row, the page with its
 * title, comment count and classification progress up to all scored, the binary one with
 * the parser's message; pasted text is ingested too, and the new article has its page. The
 * API, through the signed-in browser's cookies: a duplicate names the stored article, and a
 * body over THREADWATCH_MAX_DOCUMENT_MB (1 MB here) is refused with 413 and a JSON message.
 * Without JavaScript the same form posts to ?/upload and the page lists each result.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResponse } from '../../src/lib/schemas/ingest';
import { ARTEFACTS_DIR, signIn, STEP_TIMEOUT_MS } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import {
  ALLOTMENTS,
  BUS_ROUTE,
  wordpressHtmlPage,
  wordpressTextPage
} from '../helpers/ingest-pages';

/** The in-process worker classifies the seeds first: classification may take a while. */
const CLASSIFIED_TIMEOUT_MS = 240_000;

const row = (page: Page, fileName: string) =>
  page.locator('li.row').filter({ has: page.locator('.file', { hasText: fileName }) });

describe('the ingest page in a real browser', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ THREADWATCH_MAX_DOCUMENT_MB: '1' });
    page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, session.app.url, session.admin);
  }, 240_000);

  afterAll(() => session?.close());

  it('ingests dropped files one by one, says why one fails, follows classification', async () => {
    await page.goto(`${session.app.url}ingest`);
    await page.getByText('Each file is ingested as soon as it is dropped').waitFor();
    const zone = page.getByTestId('drop-zone');

    const dataTransfer = await page.evaluateHandle((html) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([html], 'allotments.html', { type: 'text/html' }));
      const binary = new Uint8Array([0x00, 0xff, 0x10, 0x00, 0x80, 0x00, 0x7f, 0x00]);
      transfer.items.add(new File([binary], 'broken.bin', { type: 'application/octet-stream' }));
      return transfer;
    }, wordpressHtmlPage(ALLOTMENTS));
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    expect(await zone.getAttribute('class')).toMatch(/\bdragging\b/);
    expect(await zone.locator('.title').textContent()).toMatch(/Drop to ingest/);
    await zone.dispatchEvent('drop', { dataTransfer });
    expect(await zone.getAttribute('class')).not.toMatch(/\bdragging\b/);

    const failed = row(page, 'broken.bin');
    await failed.locator('[data-state="failed"], .state', { hasText: 'Failed' }).waitFor();
    expect(await failed.getByRole('alert').textContent()).toMatch(/NUL bytes.*binary/);

    const stored = row(page, 'allotments.html');
    await stored.locator('.state', { hasText: 'Parsed' }).waitFor();
    const link = stored.getByRole('link', { name: ALLOTMENTS.title });
    expect(await stored.locator('.outlet').textContent()).toBe(ALLOTMENTS.outlet);
    expect(await stored.locator('.comments').textContent()).toBe('3 comments');
    await stored
      .locator('.progress-text', { hasText: '3 of 3 scored — done' })
      .waitFor({ timeout: CLASSIFIED_TIMEOUT_MS });
    expect(
      await stored.locator('progress').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])
    ).toEqual([3, 3]);
    await page.screenshot({ path: `${ARTEFACTS_DIR}/ingest.png`, fullPage: true });

    // The new article has its page, with its comments.
    await link.click();
    await page.getByRole('heading', { level: 1, name: ALLOTMENTS.title }).waitFor();
    await page.getByText(ALLOTMENTS.comments[2]!.text).waitFor();
  }, 300_000);

  it('ingests pasted text under the name given', async () => {
    await page.goto(`${session.app.url}ingest`);
    await page.getByText('Each file is ingested as soon as it is dropped').waitFor();
    await page.getByLabel('Page text').fill(wordpressTextPage(BUS_ROUTE));
    await page.getByLabel('Name').fill('night-bus.txt');
    await page.getByRole('button', { name: 'Ingest' }).click();

    const pasted = row(page, 'night-bus.txt');
    await pasted.locator('.state', { hasText: 'Parsed' }).waitFor();
    expect(await pasted.locator('.comments').textContent()).toBe('2 comments');
    expect(await page.getByLabel('Page text').inputValue()).toBe('');
    await pasted.getByRole('link', { name: BUS_ROUTE.title }).click();
    await page.getByRole('heading', { level: 1, name: BUS_ROUTE.title }).waitFor();
    await page.getByText(BUS_ROUTE.comments[1]!.text).waitFor();
  });

  it('answers the API: a duplicate names the stored article, an oversized body gets 413', async () => {
    const api = `${session.app.url}api/v1/ingest`;
    const again = await page.request.post(`${api}?name=again.html`, {
      data: wordpressHtmlPage(ALLOTMENTS),
      headers: { 'content-type': 'text/html' }
    });
    expect(again.status()).toBe(200);
    const { documents } = (await again.json()) as IngestResponse;
    expect(documents).toMatchObject([
      {
        fileName: 'again.html',
        status: 'duplicate',
        title: ALLOTMENTS.title,
        duplicateOf: { fileName: 'allotments.html' },
        progress: { total: 3, scored: 3, finished: true }
      }
    ]);

    const tooLarge = await page.request.post(`${api}?name=big.html`, {
      data: Buffer.alloc(2 * 1024 * 1024 + 1, 'a'),
      headers: { 'content-type': 'text/html' }
    });
    expect(tooLarge.status()).toBe(413);
    expect(await tooLarge.json()).toEqual({
      error: {
        code: 'too_large',
        message: expect.stringMatching(/^The document is 2\.0 MB .* over the 1 MB limit/)
      }
    });
  });

  it('works without JavaScript: the form posts files and text and shows each result', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      plain.setDefaultTimeout(STEP_TIMEOUT_MS);
      await signIn(plain, session.app.url, session.admin, { javaScript: false });
      await plain.goto(`${session.app.url}ingest`);
      await plain.getByText('Then press Ingest.').waitFor();
      await plain.getByLabel('or choose files').setInputFiles([
        { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
        {
          name: 'again.html',
          mimeType: 'text/html',
          buffer: Buffer.from(wordpressHtmlPage(ALLOTMENTS))
        }
      ]);
      await plain.getByLabel('Page text').fill('   ');
      await plain.getByRole('button', { name: 'Ingest' }).click();
      await row(plain, 'again.html').locator('.state', { hasText: 'Already ingested' }).waitFor();
      expect(await row(plain, 'again.html').locator('.note').textContent()).toMatch(
        /^Already ingested as “allotments\.html”/
      );
      expect(await row(plain, 'empty.txt').getByRole('alert').textContent()).toMatch(
        /The document is empty/
      );
    } finally {
      await context.close();
    }
  });
});
