import { appDatabase } from '$lib/server/app-database';
import { recentAccountEvents } from '$lib/server/auth/account-events';
import { createTokenFor, listAllApiTokens, revokeTokenAudited } from '$lib/server/auth/token-admin';
import { listUsers } from '$lib/server/auth/users.repository';
import { accountAction } from '$lib/server/forms/account-action';
import { createTokenForm, tokenIdForm } from '$lib/schemas/account-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = await appDatabase();
  const [tokens, users, events] = await Promise.all([
    listAllApiTokens(db),
    listUsers(db),
    recentAccountEvents(db, ['token.'])
  ]);
  // Tokens can only be made for active users: the others' would be refused anyway.
  const owners = users
    .filter((user) => user.disabledAt === null)
    .map(({ id, name, role }) => ({ id, name, role }));
  return { tokens, owners, events, me: locals.user!.id };
};

export const actions: Actions = {
  create: async ({ request, locals }) =>
    accountAction(request, 'create', createTokenForm, async (input) => {
      const created = await createTokenFor((await appDatabase()).db, locals.user, input);
      return {
        notice: `Created token "${created.name}" for ${created.owner}.`,
        secret: { label: `API token "${created.name}" for ${created.owner}`, value: created.token }
      };
    }),

  revoke: async ({ request, locals }) =>
    accountAction(request, 'revoke', tokenIdForm, async ({ tokenId }) => {
      const revoked = await revokeTokenAudited((await appDatabase()).db, locals.user, tokenId);
      return {
        notice: `Revoked token "${revoked.name}" of ${revoked.owner}: requests with it are refused.`
      };
    })
};
