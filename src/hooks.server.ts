import type { HandleServerError } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';

/** Every request passes the central guard: who is asking, and may their role do this. */
export { guard as handle } from '$lib/server/auth/guard';

/** Log the whole error once on the server; the browser only sees a message and an id to quote. */
export const handleError: HandleServerError = ({ error, status, message }) => {
  const errorId = randomUUID();
  if (status >= 500) console.error(`[${errorId}]`, error);
  return { message: status >= 500 ? 'Something went wrong on the server.' : message, errorId };
};
