/**
 * `user add` / `user list` as a person runs them, on the embedded database in a temporary
 * THREADWATCH_DATA_DIR: password from stdin, or generated and printed once; a taken name
 * is one clear line on stderr and exit 1; hashes are never printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { findUserForLogin } from '../../src/lib/server/auth/users.repository';
import { createDb } from '../../src/lib/server/db';
import { runCli } from '../helpers/run-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'threadwatch-user-cli-'));

const cli = (args: string[], stdin = '') => runCli(args, { dataDir, stdin });

async function storedHash(name: string): Promise<string | undefined> {
  const database = await createDb({ dataDir: `${dataDir}/pglite` });
  try {
    return (await findUserForLogin(database.db, name))?.passwordHash;
  } finally {
    await database.close();
  }
}

describe('cli user', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a user with the password piped on stdin', async () => {
    const result = await cli(
      ['user', 'add', '--name', 'dana', '--role', 'analyst'],
      'piped password 1\n'
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('added user dana (analyst)\n');
    expect(await verifyPassword('piped password 1', (await storedHash('dana'))!)).toBe(true);
  }, 60_000);

  it('generates a password when none is piped and prints it once', async () => {
    const result = await cli(['user', 'add', '--name', 'eli', '--role', 'moderator']);
    expect(result.code).toBe(0);
    const match = /^added user eli \(moderator\) with password (\S+) \(shown once/.exec(
      result.stdout
    );
    expect(match).not.toBeNull();
    const password = match![1]!;
    expect(result.stdout.split(password)).toHaveLength(2);
    expect(await verifyPassword(password, (await storedHash('eli'))!)).toBe(true);
  }, 60_000);

  it('refuses a name that is taken, in any case, with one clear line', async () => {
    const result = await cli(
      ['user', 'add', '--name', 'DANA', '--role', 'admin'],
      'another password'
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'threadwatch: a user named "DANA" already exists (names ignore case)\n'
    );
  }, 60_000);

  it('refuses an unknown role', async () => {
    const result = await cli(['user', 'add', '--name', 'fay', '--role', 'owner'], 'some password');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/role is one of admin, moderator, analyst/);
  }, 60_000);

  it('lists users with their roles, never a hash', async () => {
    const result = await cli(['user', 'list']);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 2));
    expect(lines).toEqual([
      ['dana', 'analyst'],
      ['eli', 'moderator']
    ]);
    expect(result.stdout).not.toMatch(/scrypt/);
  }, 60_000);
});
