/**
 * API tokens as the tokens page manages them, on both engines: create for yourself or
 * another active user (the secret returned once, never audited), revoke once, list all.
 */
import { expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit';
import { userForApiToken } from '../../src/lib/server/auth/api-tokens';
import {
  createTokenFor,
  listAllApiTokens,
  revokeTokenAudited
} from '../../src/lib/server/auth/token-admin';
import { disableUser } from '../../src/lib/server/auth/user-admin';
import { newUser } from '../helpers/auth-factories';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('token management', (database) => {
  const db = () => database().db;

  it('creates a token for another user that acts as them, audited without the secret', async () => {
    const admin = await newUser(database(), 'admin');
    const analyst = await newUser(database(), 'analyst');
    const created = await createTokenFor(db(), admin, {
      ownerId: analyst.id,
      name: '  weekly report  '
    });
    expect(created).toMatchObject({ owner: analyst.name, name: 'weekly report' });
    expect(created.token).toMatch(/^tw_[\w-]{43}$/);
    expect((await userForApiToken(db(), created.token))?.id).toBe(analyst.id);

    const listed = (await listAllApiTokens(db())).find((token) => token.id === created.id);
    expect(listed).toMatchObject({
      name: 'weekly report',
      ownerId: analyst.id,
      owner: analyst.name,
      revokedAt: null
    });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    const events = await listAuditEvents(db(), { action: 'token.create' });
    const event = events.find((row) => row.detail.tokenId === created.id);
    expect(event).toMatchObject({
      userId: admin.id,
      detail: { name: 'weekly report', targetId: analyst.id, target: analyst.name }
    });
    expect(JSON.stringify(events)).not.toContain(created.token.slice(3));
  });

  it('refuses a blank name and a disabled owner, creating nothing', async () => {
    const admin = await newUser(database(), 'admin');
    const gone = await newUser(database(), 'moderator');
    await disableUser(db(), admin, gone.id);
    const before = (await listAllApiTokens(db())).length;
    await expect(
      createTokenFor(db(), admin, { ownerId: admin.id, name: '  ' })
    ).rejects.toMatchObject({ field: 'name' });
    await expect(createTokenFor(db(), admin, { ownerId: gone.id, name: 'x' })).rejects.toThrow(
      /is disabled: enable them first/
    );
    await expect(createTokenFor(db(), admin, { ownerId: 999_999, name: 'x' })).rejects.toThrow(
      /no such user/
    );
    expect(await listAllApiTokens(db())).toHaveLength(before);
  });

  it('revokes once: the token is refused, a second revoke says so, both audited once', async () => {
    const admin = await newUser(database(), 'admin');
    const { id, token } = await createTokenFor(db(), admin, { ownerId: admin.id, name: 'cron' });
    expect(await revokeTokenAudited(db(), admin, id)).toEqual({ name: 'cron', owner: admin.name });
    expect(await userForApiToken(db(), token)).toBeUndefined();
    await expect(revokeTokenAudited(db(), admin, id)).rejects.toThrow(/already revoked/);
    await expect(revokeTokenAudited(db(), admin, 999_999)).rejects.toThrow(/no token with id/);

    const revocations = (await listAuditEvents(db(), { action: 'token.revoke' })).filter(
      (event) => event.detail.tokenId === id
    );
    expect(revocations).toHaveLength(1);
    const all = await listAllApiTokens(db());
    expect(all.find((token) => token.id === id)?.revokedAt).toBeInstanceOf(Date);
    // Live tokens are listed before revoked ones.
    const firstRevoked = all.findIndex((token) => token.revokedAt !== null);
    expect(all.slice(firstRevoked).every((token) => token.revokedAt !== null)).toBe(true);
  });
});
