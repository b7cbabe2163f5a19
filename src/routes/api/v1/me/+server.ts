/**
 * Who the caller is: `{ id, name, role }` of the token's (or signed-in session's) user, so a
 * script can check the token it was given. Never more of the user than that.
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
  // The guard admits only an identified user here (role matrix: read).
  const { id, name, role } = locals.user!;
  return json({ id, name, role });
};
