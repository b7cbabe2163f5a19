/** API tokens on both engines: shown once, stored as a hash, useless once revoked. */
import { expect, it } from 'vitest';
import {
  bearerToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  userForApiToken
} from '../../src/lib/server/auth/api-tokens';
import { digestSecret } from '../../src/lib/server/auth/secret-tokens';
import { newUser } from '../helpers/auth-factories';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('api tokens', (database) => {
  it('stores only the hash of a token and finds its user by it', async () => {
    const user = await newUser(database(), 'analyst');
    const { id, token } = await createApiToken(database().db, user.id, 'nightly export');
    expect(token).toMatch(/^tw_[\w-]{43}$/);
    const row = await database()
      .db.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(digestSecret(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
    expect(await userForApiToken(database().db, token)).toMatchObject({
      id: user.id,
      role: 'analyst'
    });
    const [listed] = await listApiTokens(database().db, user.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(Object.keys(listed!)).not.toContain('token_hash');
  });

  it('refuses a revoked token, and an unknown one', async () => {
    const user = await newUser(database());
    const { id, token } = await createApiToken(database().db, user.id, 'script');
    expect(await revokeApiToken(database().db, id)).toBe(true);
    expect(await revokeApiToken(database().db, id)).toBe(false);
    expect(await userForApiToken(database().db, token)).toBeUndefined();
    expect(await userForApiToken(database().db, 'tw_not-a-real-token')).toBeUndefined();
  });

  it('reads the token from an Authorization: Bearer header only', () => {
    expect(bearerToken('Bearer tw_abc')).toBe('tw_abc');
    expect(bearerToken('bearer  tw_abc ')).toBe('tw_abc');
    expect(bearerToken('Basic dXNlcjpwdw==')).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});
