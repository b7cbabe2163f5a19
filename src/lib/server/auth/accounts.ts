/**
 * Adding users: validates the name, role and password once (the CLI, first start and later
 * the settings page all come through here), hashes the password and stores the user.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isUniqueViolation } from '../db/errors';
import type { Schema } from '../db/schema';
import { generatePassword, hashPassword } from './passwords';
import { ROLES, type Role } from './roles';
import { insertUser, type User } from './users.repository';

/** An expected failure with a message a person can act on (the CLI prints it and exits 1). */
export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    message: string,
    /** The form field the message belongs next to, when there is one. */
    readonly field?: string
  ) {
    super(message);
  }
}

export const MIN_PASSWORD_LENGTH = 10;

export const UserNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(64, 'a name has at most 64 characters')
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'a name has letters, digits and . _ @ - only');

export const RoleSchema = z.enum(ROLES as [Role, ...Role[]], {
  error: `the role is one of ${ROLES.join(', ')}`
});

/** The one password policy: new users, resets and changes on the account page. */
export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, 'a password has at most 1024 characters');

export const NewUserSchema = z.object({
  name: UserNameSchema,
  role: RoleSchema,
  password: PasswordSchema
});

export interface AddedUser {
  user: User;
  /** Set only when the password was generated: show it once, it is not stored. */
  generatedPassword: string | undefined;
}

/** Adds a user; without a password, generates one. Throws AccountError on bad input or a taken name. */
export async function addUser(
  db: Kysely<Schema>,
  input: { name: string; role: string; password?: string }
): Promise<AddedUser> {
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const parsed = NewUserSchema.safeParse({
    ...input,
    password: input.password ?? generatedPassword
  });
  if (!parsed.success) {
    throw new AccountError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const { name, role, password } = parsed.data;
  try {
    const user = await insertUser(db, {
      name,
      role,
      passwordHash: await hashPassword(password)
    });
    return { user, generatedPassword };
  } catch (error) {
    if (isUniqueViolation(error, 'users_name_lower')) {
      throw new AccountError(`a user named "${name}" already exists (names ignore case)`, 'name');
    }
    throw error;
  }
}
