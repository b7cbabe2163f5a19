/**
 * `user add --name <n> --role <r>`: the password comes from stdin when something is piped
 * in (`printf '%s' "$PW" | … user add …`), otherwise one is generated and printed once.
 * `user list`: names, roles and dates — never a hash.
 */
import type { Command } from 'commander';
import { listUsers, ROLES } from '../../lib/server/auth';
import { addUserAudited } from '../../lib/server/auth/user-admin';
import { withDatabase } from '../database';

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage the people who can sign in');

  user
    .command('add')
    .description(
      'add a user; the password is read from stdin, or generated and printed once when none is piped in'
    )
    .requiredOption('--name <name>', 'the name to sign in with (unique, case-insensitive)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (options: { name: string; role: string }) => {
      const password = await readPipedPassword();
      const { user: added, generatedPassword } = await withDatabase(({ db }) =>
        // Audited like the settings page, with no signed-in user as the actor.
        addUserAudited(db, null, { name: options.name, role: options.role, password })
      );
      const shown = generatedPassword
        ? ` with password ${generatedPassword} (shown once; it is not stored)`
        : '';
      process.stdout.write(`added user ${added.name} (${added.role})${shown}\n`);
    });

  user
    .command('list')
    .description('list users: name, role, created, disabled')
    .action(async () => {
      const users = await withDatabase(({ db }) => listUsers(db));
      for (const { name, role, createdAt, disabledAt } of users) {
        const disabled = disabledAt ? `\tdisabled ${disabledAt.toISOString()}` : '';
        process.stdout.write(`${name}\t${role}\t${createdAt.toISOString()}${disabled}\n`);
      }
    });
}

/**
 * The password piped on stdin, without its final newline; undefined on a terminal (we never
 * prompt: the generated password is the interactive path) or when nothing was piped.
 */
async function readPipedPassword(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const piped = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return piped === '' ? undefined : piped;
}
