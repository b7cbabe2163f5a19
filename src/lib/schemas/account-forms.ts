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

export const addUserForm = z
  .object({
    name: UserNameSchema,
    role: RoleSchema,
    passwordChoice: z.enum(['generate', 'type'], { error: 'generate a password or type one' }),
    password: z.string().default('')
  })
  .superRefine((input, context) => {
    if (input.passwordChoice !== 'type') return;
    for (const issue of PasswordSchema.safeParse(input.password).error?.issues ?? []) {
      context.addIssue({ code: 'custom', path: ['password'], message: issue.message });
    }
  })
  // Generated passwords are made by addUser: a typed one is passed only when chosen.
  .transform(({ passwordChoice, password, ...user }) => ({
    ...user,
    password: passwordChoice === 'type' ? password : undefined
  }));

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
