/**
 * The central guard as SvelteKit calls it: a Handle given a RequestEvent (built here by
 * hand) and a resolve that renders the page. Requests it refuses must never reach resolve.
 */
import { expect, it, vi } from 'vitest';
import { createApiToken, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { createGuard } from '../../src/lib/server/auth/guard';
import type { Role } from '../../src/lib/server/auth/roles';
import { createSession } from '../../src/lib/server/auth/sessions';
import { newUser } from '../helpers/auth-factories';
import { requestEvent, type FakeRequest } from '../helpers/request-event';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('guard', (database) => {
  const guard = createGuard(async () => database().db);

  async function call(request: FakeRequest) {
    const event = requestEvent(request);
    const resolve = vi.fn(async () => new Response('the page'));
    const response = await guard({ event, resolve });
    return { response, resolved: resolve.mock.calls.length > 0, event };
  }

  async function sessionFor(role: Role): Promise<string> {
    const user = await newUser(database(), role);
    return (await createSession(database().db, user.id)).token;
  }

  it('sends a page request without a session to the login page, with where it was going', async () => {
    const { response, resolved } = await call({ routeId: '/queue', path: '/queue?page=2' });
    expect(resolved).toBe(false);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fqueue%3Fpage%3D2');
  });

  it('answers 401 JSON to an API request without a session or token', async () => {
    const { response, resolved } = await call({
      routeId: '/api/v1/comments',
      path: '/api/v1/comments'
    });
    expect(resolved).toBe(false);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: 'unauthorized', message: expect.stringMatching(/sign in/i) }
    });
  });

  it('lets nobody reach the login page, and nothing else', async () => {
    expect((await call({ routeId: '/login', path: '/login' })).resolved).toBe(true);
    expect((await call({ routeId: '/login', path: '/login', method: 'POST' })).resolved).toBe(true);
    expect((await call({ routeId: '/', path: '/' })).response.status).toBe(303);
    expect((await call({ routeId: null, path: '/no-such-page' })).response.status).toBe(303);
  });

  it('refuses an analyst posting a decision, by form and by hand-crafted API request', async () => {
    const cookie = await sessionFor('analyst');
    const form = await call({
      routeId: '/comments/[id]',
      path: '/comments/7?/decide',
      method: 'POST',
      cookie
    });
    expect(form.resolved).toBe(false);
    expect(form.response.status).toBe(403);
    const analyst = await newUser(database(), 'analyst');
    const { token } = await createApiToken(database().db, analyst.id, 'script');
    const api = await call({
      routeId: '/api/v1/comments/[id]/decisions',
      path: '/api/v1/comments/7/decisions',
      method: 'POST',
      authorization: `Bearer ${token}`
    });
    expect(api.resolved).toBe(false);
    expect(api.response.status).toBe(403);
    expect(await api.response.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringMatching(/analyst/) }
    });
    // The analyst still reads.
    expect((await call({ routeId: '/comments/[id]', path: '/comments/7', cookie })).resolved).toBe(
      true
    );
  });

  it('lets a moderator decide, and puts the user without a hash in locals', async () => {
    const cookie = await sessionFor('moderator');
    const { resolved, event } = await call({
      routeId: '/comments/[id]',
      path: '/comments/7',
      method: 'POST',
      cookie
    });
    expect(resolved).toBe(true);
    expect(event.locals.user).toMatchObject({ role: 'moderator' });
    expect(JSON.stringify(event.locals.user)).not.toMatch(/scrypt|password/);
  });

  it('keeps settings for admins', async () => {
    const settings = { routeId: '/settings', path: '/settings' };
    expect((await call({ ...settings, cookie: await sessionFor('admin') })).resolved).toBe(true);
    const moderator = await call({ ...settings, cookie: await sessionFor('moderator') });
    expect(moderator.response.status).toBe(403);
  });

  it('refuses a route missing from the matrix, and lets SvelteKit 404 an unmatched URL', async () => {
    const cookie = await sessionFor('admin');
    const unlisted = await call({ routeId: '/debug', path: '/debug', cookie });
    expect(unlisted.resolved).toBe(false);
    expect(unlisted.response.status).toBe(403);
    expect((await call({ routeId: null, path: '/no-such-page', cookie })).resolved).toBe(true);
  });

  it('treats a bad or revoked Bearer token as nobody, even beside a valid cookie', async () => {
    const user = await newUser(database(), 'admin');
    const { id, token } = await createApiToken(database().db, user.id, 'cron');
    await revokeApiToken(database().db, id);
    const cookie = await sessionFor('admin');
    const { response, resolved } = await call({
      routeId: '/api/v1/comments',
      path: '/api/v1/comments',
      authorization: `Bearer ${token}`,
      cookie
    });
    expect(resolved).toBe(false);
    expect(response.status).toBe(401);
  });
});
