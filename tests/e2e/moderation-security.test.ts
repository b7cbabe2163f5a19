/**
 * Who may decide, checked in a real browser against the built app: two moderators racing
 * on one comment (the later one gets the conflict notice, the earlier decision stands, both
 * are in the history); an analyst who reads without decision controls and whose
 * hand-crafted decisions — a same-origin form POST and a Bearer-token API call — are
 * refused with nothing recorded; and a cross-origin auto-submitting form that SvelteKit's
 * origin check refuses although the moderator's SameSite=Lax cookie goes along.
 *
 * The moderators, the analyst and the analyst's API token are created before the app
 * starts (it then owns its embedded database); state is read back through the JSON API.
 */
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, signIn, STEP_TIMEOUT_MS, waitForHydration } from '../helpers/browser';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';

interface QueueItemJson {
  comment: { id: number };
  version: number;
}

describe('moderation security in a real browser', () => {
  let session: BrowserSession;
  let analystToken: string;
  /** Flagged, undecided comments from the seeds: one per scenario. */
  let flagged: number[] = [];
  const contexts: BrowserContext[] = [];

  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(path, session.app.url), {
      ...init,
      headers: { authorization: `Bearer ${analystToken}`, ...init.headers }
    });
    return { status: response.status, body: await response.json() };
  };

  /** A signed-in page in its own browser context (its own cookies). */
  async function signedInPage(name: string): Promise<Page> {
    const account = name === 'admin' ? session.admin : session.app.accounts.get(name)!;
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await signIn(page, session.app.url, account);
    return page;
  }

  async function openComment(page: Page, id: number): Promise<void> {
    await page.goto(`${session.app.url}comments/${id}`);
    await waitForHydration(page);
  }

  const historyItems = (page: Page) => page.locator('section[aria-label="Decision history"] li');

  beforeAll(async () => {
    session = await startBrowserSession(
      {},
      {
        accounts: [
          { name: 'ana', role: 'moderator' },
          { name: 'ben', role: 'moderator' },
          { name: 'dana', role: 'analyst', token: true }
        ]
      }
    );
    analystToken = session.app.accounts.get('dana')!.token!;
    // The in-process worker classifies the seeds in the background: wait until it's done.
    for (let attempt = 0; attempt < 180; attempt += 1) {
      const { body } = await api('/api/v1/articles');
      const articles = body.articles as Array<{ commentCount: number; scoredCount: number }>;
      if (articles.length === 5 && articles.every((a) => a.commentCount === a.scoredCount)) break;
      await sleep(1000);
    }
    const queue = await api('/api/v1/queue?limit=3');
    expect(queue.status).toBe(200);
    flagged = (queue.body.items as QueueItemJson[]).map((item) => item.comment.id);
    expect(flagged).toHaveLength(3);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await session?.close();
  });

  it('gives the later of two moderators the conflict notice; the first decision stands', async () => {
    const id = flagged[0]!;
    const ana = await signedInPage('ana');
    const ben = await signedInPage('ben');
    await openComment(ana, id);
    await openComment(ben, id);
    expect(await ben.locator('.version').textContent()).toBe('version 0');

    await ana.getByRole('button', { name: 'Approve' }).click();
    await ana.getByRole('status').filter({ hasText: 'the comment is now approved' }).waitFor();

    // Ben's page still shows version 0: his removal is a stale decision.
    await ben.getByLabel('Reason (when removing)').selectOption('spam');
    await ben.getByRole('button', { name: 'Remove' }).click();
    const notice = ben.getByRole('alert');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /^ana decided this comment while you were looking: it is now approved\. Your decision was not applied/
    );
    await ben.screenshot({ path: `${ARTEFACTS_DIR}/conflict-notice.png`, fullPage: true });

    // The status is what Ana set, and the history shows both, Ben's as a conflict.
    await openComment(ben, id);
    expect(await ben.locator('.meta .version').textContent()).toBe('version 1');
    expect(await ben.locator('section[aria-label="Comment"] .meta').textContent()).toContain(
      'approved'
    );
    const rows = historyItems(ben);
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('.moderator').textContent()).toBe('ana');
    expect(await rows.nth(0).getAttribute('class')).not.toContain('conflict');
    expect(await rows.nth(1).locator('.moderator').textContent()).toBe('ben');
    expect(await rows.nth(1).getAttribute('class')).toContain('conflict');
    expect(await rows.nth(1).textContent()).toContain('conflict: acted on version 0, not applied');

    const comment = await api(`/api/v1/comments/${id}`);
    expect(comment.body).toMatchObject({ status: 'approved', version: 1 });
    const history = await api(`/api/v1/comments/${id}/decisions`);
    expect(history.body.decisions).toMatchObject([
      { moderator: { name: 'ana' }, action: 'approve', conflict: false },
      { moderator: { name: 'ben' }, action: 'remove', reason: 'spam', conflict: true }
    ]);
  }, 180_000);

  it('shows an analyst no decision controls and refuses their hand-crafted decisions', async () => {
    const id = flagged[1]!;
    const dana = await signedInPage('dana');

    await dana.goto(`${session.app.url}queue`);
    await waitForHydration(dana);
    expect(await dana.locator('article.item').count()).toBeGreaterThan(0);
    expect(await dana.locator('form[action*="?/"]').count()).toBe(0);
    expect(await dana.locator('input[name=selected]').count()).toBe(0);
    expect(await dana.getByRole('button', { name: /approve|remove|escalate|undo/i }).count()).toBe(
      0
    );

    await openComment(dana, id);
    expect(await dana.locator('section[aria-label="Comment"]').count()).toBe(1);
    expect(await dana.locator('section[aria-label="Decide"]').count()).toBe(0);
    expect(await dana.locator('form[action="?/decide"]').count()).toBe(0);
    expect(await dana.getByRole('button', { name: /approve|remove|escalate|undo/i }).count()).toBe(
      0
    );

    // (a) The decision form's POST, by hand from the analyst's own page: same origin, so
    // SvelteKit's CSRF check passes and only the role matrix stands in the way.
    const formPost = await dana.evaluate(async (commentId) => {
      const body = new FormData();
      body.set('action', 'approve');
      body.set('expectedVersion', '0');
      const response = await fetch(`/comments/${commentId}?/decide`, { method: 'POST', body });
      return { status: response.status, text: await response.text() };
    }, id);
    expect(formPost.status).toBe(403);
    expect(formPost.text).toContain('your role (analyst) may not POST /comments/[id]');

    // (b) The JSON API with the analyst's token.
    const apiPost = await api(`/api/v1/comments/${id}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve', version: 0 })
    });
    expect(apiPost.status).toBe(403);
    expect(apiPost.body.error).toMatchObject({ code: 'forbidden' });

    // The admin sees nothing recorded, in the page's history and in the trail.
    const admin = await signedInPage('admin');
    await openComment(admin, id);
    expect(await admin.locator('section[aria-label="Decision history"]').textContent()).toContain(
      'No decisions yet.'
    );
    expect(await admin.locator('section[aria-label="Comment"] .meta').textContent()).toContain(
      'pending'
    );
    expect((await api(`/api/v1/decisions?moderator=dana`)).body.decisions).toEqual([]);
    expect((await api(`/api/v1/comments/${id}/decisions`)).body.decisions).toEqual([]);
  }, 180_000);

  it("refuses a cross-origin form POST carrying a moderator's cookie", async () => {
    const id = flagged[2]!;
    const ana = await signedInPage('ana');
    const action = `${session.app.url}comments/${id}?/decide`;
    // Another port on the same loopback address: another origin, the same site, so the
    // SameSite=Lax session cookie is sent with the POST.
    const attacker = await serveHtml(`<!doctype html>
      <form method="POST" action="${action}">
        <input name="action" value="remove"><input name="reason" value="spam">
        <input name="expectedVersion" value="0">
      </form>
      <script>document.forms[0].submit()</script>`);
    try {
      const answered = ana.waitForResponse((response) => response.url() === action);
      await ana.goto(attacker.url);
      const response = await answered;
      expect(response.status()).toBe(403);
      expect(await response.text()).toMatch(/Cross-site POST form submissions are forbidden/);
      // The refusal is the origin check's: the browser did send the session cookie.
      const sent = await response.request().allHeaders();
      expect(sent['origin']).toBe(attacker.url.replace(/\/$/, ''));
      expect(sent['cookie']).toMatch(/tw_session=/);
    } finally {
      await attacker.close();
    }
    const comment = await api(`/api/v1/comments/${id}`);
    expect(comment.body).toMatchObject({ status: 'pending', version: 0 });
    expect((await api(`/api/v1/comments/${id}/decisions`)).body.decisions).toEqual([]);
    expect((await api(`/api/v1/decisions?moderator=ana`)).body.decisions).not.toContainEqual(
      expect.objectContaining({ commentId: id })
    );
  }, 180_000);
});

/** A one-page http server on 127.0.0.1 and a free port. */
async function serveHtml(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((closed) => server.close(() => closed()))
  };
}
