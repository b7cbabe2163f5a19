import { redirect } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { clearSessionCookie, deleteSession, SESSION_COOKIE } from '$lib/server/auth';
import type { Actions } from './$types';

export const actions: Actions = {
  // POST only: a GET (a link, a prefetch, an <img>) must never sign anyone out.
  default: async ({ cookies, url }) => {
    const token = cookies.get(SESSION_COOKIE);
    if (token) await deleteSession((await appDatabase()).db, token);
    clearSessionCookie(cookies, url);
    redirect(303, '/login');
  }
};
