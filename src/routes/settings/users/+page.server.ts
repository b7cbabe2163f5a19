import { appDatabase } from '$lib/server/app-database';
import { recentAccountEvents } from '$lib/server/auth/account-events';
import { ROLES } from '$lib/server/auth/roles';
import {
  addUserAudited,
  changeUserRole,
  disableUser,
  enableUser,
  resetUserPassword
} from '$lib/server/auth/user-admin';
import { listUserOverview } from '$lib/server/auth/user-overview';
import { accountAction } from '$lib/server/forms/account-action';
import { addUserForm, changeRoleForm, userIdForm } from '$lib/schemas/account-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = await appDatabase();
  const [users, events] = await Promise.all([
    listUserOverview(db),
    recentAccountEvents(db, ['user.', 'token.'])
  ]);
  return { users, events, roles: ROLES, me: locals.user!.id };
};

/** A secret shown once, on the page the action returns; never stored or shown again. */
type ShownOnce = { secret: { label: string; value: string } };

export const actions: Actions = {
  add: async ({ request, locals }) =>
    accountAction(request, 'add', addUserForm, async (input) => {
      const { db } = await appDatabase();
      const { user, generatedPassword } = await addUserAudited(db, locals.user, input);
      const added = { notice: `Added ${user.name} (${user.role}).` };
      if (generatedPassword === undefined) return added;
      const shown: ShownOnce = {
        secret: { label: `Password for ${user.name}`, value: generatedPassword }
      };
      return { ...added, ...shown };
    }),

  role: async ({ request, locals }) =>
    accountAction(request, 'role', changeRoleForm, async ({ userId, role }) => {
      const user = await changeUserRole((await appDatabase()).db, locals.user, userId, role);
      return { notice: `${user.name} is now ${user.role}.` };
    }),

  disable: async ({ request, locals }) =>
    accountAction(request, 'disable', userIdForm, async ({ userId }) => {
      const user = await disableUser((await appDatabase()).db, locals.user, userId);
      return {
        notice: `Disabled ${user.name}: signed out everywhere, their API tokens refused.`
      };
    }),

  enable: async ({ request, locals }) =>
    accountAction(request, 'enable', userIdForm, async ({ userId }) => {
      const user = await enableUser((await appDatabase()).db, locals.user, userId);
      return { notice: `Enabled ${user.name}: they can sign in again.` };
    }),

  reset: async ({ request, locals }) =>
    accountAction(request, 'reset', userIdForm, async ({ userId }) => {
      const { user, password } = await resetUserPassword(
        (await appDatabase()).db,
        locals.user,
        userId
      );
      const shown: ShownOnce = {
        secret: { label: `New password for ${user.name}`, value: password }
      };
      return { notice: `Reset ${user.name}'s password and signed them out everywhere.`, ...shown };
    })
};
