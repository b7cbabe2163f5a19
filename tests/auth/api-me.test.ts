/**
 * GET /api/v1/me through the real guard, on both engines: a token (or a session) gets
 * exactly {id, name, role} of its user; a revoked token and a disabled user's token get 401.
 */
import { expect, it } from 'vitest';
import { createGuard } from '../../src/lib/server/auth/guard';
import { createSession } from '../../src/lib/server/auth/sessions';
import { createTokenFor, revokeTokenAudited } from '../../src/lib/server/auth/token-admin';
import { disableUser } from '../../src/lib/server/auth/user-admin';
import { GET } from '../../src/routes/api/v1/me/+server';
import { newUser } from '../helpers/auth-factories';
import { requestEvent, type FakeRequest } from '../helpers/request-event';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('GET /api/v1/me', (database) => {
  const guard = createGuard(async () => database().db);

  async function me(request: Omit<FakeRequest, 'routeId' | 'path'>) {
    const event = requestEvent({ routeId: '/api/v1/me', path: '/api/v1/me', ...request });
    const response = await guard({
      event,
      resolve: async (resolved) => GET(resolved as Parameters<typeof GET>[0])
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('answers a token with its user: id, name and role, nothing else', async () => {
    const admin = await newUser(database(), 'admin');
    const analyst = await newUser(database(), 'analyst');
    const { token } = await createTokenFor(database().db, admin, {
      ownerId: analyst.id,
      name: 'check'
    });
    const answer = await me({ authorization: `Bearer ${token}` });
    expect(answer).toEqual({
      status: 200,
      body: { id: analyst.id, name: analyst.name, role: 'analyst' }
    });
  });

  it('answers a signed-in browser too', async () => {
    const moderator = await newUser(database(), 'moderator');
    const { token } = await createSession(database().db, moderator.id);
    expect((await me({ cookie: token })).body).toEqual({
      id: moderator.id,
      name: moderator.name,
      role: 'moderator'
    });
  });

  it('refuses a revoked token and the token of a disabled user with 401', async () => {
    const admin = await newUser(database(), 'admin');
    const moderator = await newUser(database(), 'moderator');
    const revoked = await createTokenFor(database().db, admin, { ownerId: admin.id, name: 'a' });
    const disabled = await createTokenFor(database().db, admin, {
      ownerId: moderator.id,
      name: 'b'
    });
    await revokeTokenAudited(database().db, admin, revoked.id);
    await disableUser(database().db, admin, moderator.id);
    for (const { token } of [revoked, disabled]) {
      const answer = await me({ authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        error: { code: 'unauthorized', message: expect.stringMatching(/Sign in first/) }
      });
    }
  });
});
