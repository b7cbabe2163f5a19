import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appDatabase } from '$lib/server/app-database';
import { attemptLogin, setSessionCookie } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

const LoginForm = z.object({
  name: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024)
});

/** Only a path on this site: `//evil.example` or `https://…` would be an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

export const load: PageServerLoad = ({ url }) => ({ next: safeNext(url.searchParams.get('next')) });

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
    const form = await request.formData();
    const next = safeNext(form.get('next'));
    const parsed = LoginForm.safeParse({ name: form.get('name'), password: form.get('password') });
    const name = typeof form.get('name') === 'string' ? String(form.get('name')) : '';
    if (!parsed.success) {
      return fail(400, { name, next, message: 'Enter your name and password.' });
    }
    const { db } = await appDatabase();
    const outcome = await attemptLogin(db, { ...parsed.data, address: getClientAddress() });
    if (!outcome.ok && outcome.reason === 'throttled') {
      setHeaders({ 'retry-after': String(outcome.retryAfterSeconds) });
      return fail(429, {
        name,
        next,
        message: `Too many failed sign-ins. Try again in ${outcome.retryAfterSeconds} seconds.`
      });
    }
    if (!outcome.ok) {
      // One message for an unknown name and a wrong password: it must not tell them apart.
      return fail(400, { name, next, message: 'Wrong name or password.' });
    }
    setSessionCookie(cookies, url, outcome.session);
    redirect(303, next);
  }
};
