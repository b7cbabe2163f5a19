/**
 * The account forms of the settings and account pages, validated on the server. The name,
 * role and password rules are the ones every way of adding a user goes through
 * (auth/accounts.ts), so the page can't accept what the CLI would refuse.
 */
import { z } from 'zod';
import { PasswordSchema, RoleSchema, UserNameSchema } from '$lib/server/auth/accounts';
import { TokenNameSchema } from '$lib/server/auth/token-admin';

const id = (what: string) =>
  z.coerce
    .number({ error: `pick a ${what}` })
    .int()
    .positive();

/** An empty password field means "generate one" (shown once); a typed one must pass the policy. */
export const addUserForm = z.object({
  name: UserNameSchema,
  role: RoleSchema,
  password: z
    .string()
    .default('')
    .pipe(z.union([z.literal('').transform(() => undefined), PasswordSchema]))
});

export const changeRoleForm = z.object({ userId: id('user'), role: RoleSchema });

export const userIdForm = z.object({ userId: id('user') });

export const createTokenForm = z.object({ ownerId: id('user'), name: TokenNameSchema });

export const tokenIdForm = z.object({ tokenId: id('token') });

export const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1, 'enter your current password'),
    newPassword: PasswordSchema,
    confirmPassword: z.string()
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'the two new passwords differ'
  });
