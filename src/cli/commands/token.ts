/**
 * API tokens for scripts, as on the settings page (and audited the same way): `token create --user <n>
 * --name <label>` prints the token once (only its hash is stored); `token list --user <n>`;
 * `token revoke <id>`.
 */
import type { Command } from 'commander';
import { AccountError } from '../../lib/server/auth';
import { listApiTokens } from '../../lib/server/auth/api-tokens';
import { createTokenFor, revokeTokenAudited } from '../../lib/server/auth/token-admin';
import { findUserByName } from '../../lib/server/auth/users.repository';
import type { Database } from '../../lib/server/db';
import { withDatabase } from '../database';
import { positiveInteger } from '../number-options';

export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens for scripts');

  token
    .command('create')
    .description('create a token acting as --user; printed once, only its hash is stored')
    .requiredOption('--user <name>', 'the user the token acts as (with that role)')
    .requiredOption('--name <label>', 'what the token is for, e.g. "nightly export"')
    .action(async (options: { user: string; name: string }) => {
      const created = await withDatabase(async ({ db }) =>
        // Audited like the tokens page, with no signed-in user as the actor.
        createTokenFor(db, null, {
          ownerId: (await userNamed({ db }, options.user)).id,
          name: options.name
        })
      );
      process.stdout.write(
        `created token ${created.id} for ${options.user}: ${created.token} (shown once)\n`
      );
    });

  token
    .command('list')
    .description("list a user's tokens (never the secrets)")
    .requiredOption('--user <name>', 'whose tokens')
    .action(async (options: { user: string }) => {
      const tokens = await withDatabase(async ({ db }) =>
        listApiTokens(db, (await userNamed({ db }, options.user)).id)
      );
      for (const { id, name, createdAt, revokedAt } of tokens) {
        const state = revokedAt ? `revoked ${revokedAt.toISOString()}` : 'live';
        process.stdout.write(`${id}\t${name}\t${createdAt.toISOString()}\t${state}\n`);
      }
    });

  token
    .command('revoke')
    .description('revoke a token by id; requests with it are refused from then on')
    .argument('<id>', 'the token id from `token list`', positiveInteger)
    .action(async (id: number) => {
      await withDatabase(({ db }) => revokeTokenAudited(db, null, id));
      process.stdout.write(`revoked token ${id}\n`);
    });
}

async function userNamed({ db }: Pick<Database, 'db'>, name: string) {
  const user = await findUserByName(db, name);
  if (!user) throw new AccountError(`no user named ${name}`);
  return user;
}
