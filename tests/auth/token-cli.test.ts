/**
 * `token create | list | revoke` as a person runs them: the token is printed once and
 * works as a Bearer credential for its user; revoked, it no longer does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit';
import { userForApiToken } from '../../src/lib/server/auth/api-tokens';
import { createDb } from '../../src/lib/server/db';
import { runCli } from '../helpers/run-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'threadwatch-token-cli-'));
const cli = (args: string[], stdin = '') => runCli(args, { dataDir, stdin });

async function tokenOwner(token: string): Promise<string | undefined> {
  const database = await createDb({ dataDir: `${dataDir}/pglite` });
  try {
    return (await userForApiToken(database.db, token))?.name;
  } finally {
    await database.close();
  }
}

/** The token audit trail, oldest first: [action, who did it, token name]. */
async function tokenEvents(): Promise<Array<[string, string | null, unknown]>> {
  const database = await createDb({ dataDir: `${dataDir}/pglite` });
  try {
    const events = await listAuditEvents(database.db, { action: 'token.' });
    return events.reverse().map((event) => [event.action, event.userName, event.detail.name]);
  } finally {
    await database.close();
  }
}

describe('cli token', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a working token once, lists it without the secret, and revokes it', async () => {
    expect((await cli(['user', 'add', '--name', 'gil', '--role', 'analyst'])).code).toBe(0);

    const created = await cli(['token', 'create', '--user', 'gil', '--name', 'nightly export']);
    expect(created.stderr).toBe('');
    const match = /created token (\d+) for gil: (tw_\S+) \(shown once\)/.exec(created.stdout);
    expect(match).not.toBeNull();
    const [, id, token] = match!;
    expect(await tokenOwner(token!)).toBe('gil');

    const listed = await cli(['token', 'list', '--user', 'gil']);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\tnightly export\\t\\S+\\tlive\\n$`));
    expect(listed.stdout).not.toContain(token!);

    expect((await cli(['token', 'revoke', id!])).stdout).toBe(`revoked token ${id}\n`);
    expect(await tokenOwner(token!)).toBeUndefined();
    expect((await cli(['token', 'list', '--user', 'gil'])).stdout).toMatch(/\trevoked \S+\n$/);
    // Audited like the settings page, with no signed-in actor.
    expect(await tokenEvents()).toEqual([
      ['token.create', null, 'nightly export'],
      ['token.revoke', null, 'nightly export']
    ]);
  }, 120_000);

  it('refuses an unknown user or token with one line and exit 1', async () => {
    const noUser = await cli(['token', 'create', '--user', 'nobody', '--name', 'x']);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toBe('threadwatch: no user named nobody\n');
    const noToken = await cli(['token', 'revoke', '999']);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toBe('threadwatch: There is no token with id 999.\n');
  }, 120_000);
});
