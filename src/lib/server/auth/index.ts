/** Accounts and access: what the routes, the CLI and the hooks use from auth/. */
export { addUser, AccountError } from './accounts';
export { attemptLogin, type LoginOutcome } from './login';
export { ensureFirstAdmin, FIRST_ADMIN_NAME } from './first-admin';
export { deleteSession } from './sessions';
export { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';
export { isAllowed, ROLES, type Role } from './roles';
export { listUsers, type User } from './users.repository';
