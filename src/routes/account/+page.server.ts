import { appDatabase } from '$lib/server/app-database';
import { AccountError, SESSION_COOKIE } from '$lib/server/auth';
import { changeOwnPassword, signOutOtherSessions } from '$lib/server/auth/own-account';
import { countOtherSessions } from '$lib/server/auth/sessions';
import { accountAction } from '$lib/server/forms/account-action';
import { changePasswordForm } from '$lib/schemas/account-forms';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies }) => {
  const user = locals.user!;
  // Signed in by cookie (the guard admitted this page): count the sessions beside it.
  const token = cookies.get(SESSION_COOKIE) ?? '';
  return {
    account: { name: user.name, role: user.role, createdAt: user.createdAt },
    otherSessions: await countOtherSessions((await appDatabase()).db, user.id, token)
  };
};

/** The session this request came with: it survives a password change. */
function currentSession(cookies: { get(name: string): string | undefined }): string {
  const token = cookies.get(SESSION_COOKIE);
  if (!token) throw new AccountError('Sign in with the login form to change your account.');
  return token;
}

export const actions: Actions = {
  password: async ({ request, locals, cookies, getClientAddress }) =>
    accountAction(request, 'password', changePasswordForm, async (input) => {
      const ended = await changeOwnPassword((await appDatabase()).db, locals.user!, {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        keepSessionToken: currentSession(cookies),
        address: getClientAddress()
      });
      return { notice: `Password changed.${endedText(ended)}` };
    }),

  signOutOthers: async ({ request, locals, cookies }) =>
    accountAction(request, 'signOutOthers', z.object({}), async () => {
      const db = (await appDatabase()).db;
      const ended = await signOutOtherSessions(db, locals.user!, currentSession(cookies));
      return {
        notice: ended > 0 ? `Signed out elsewhere.${endedText(ended)}` : 'No other sessions.'
      };
    })
};

function endedText(ended: number): string {
  return ended > 0 ? ` ${ended} other session${ended === 1 ? '' : 's'} ended.` : '';
}
