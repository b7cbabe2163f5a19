import type { LayoutServerLoad } from './$types';

/** Only what the header shows: never the whole user row, let alone a password hash. */
export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user ? { name: locals.user.name, role: locals.user.role } : null
});
