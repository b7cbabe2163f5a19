/**
 * The account forms as their actions read them: an empty password means "generate", a
 * typed one must pass the policy, the two new passwords must agree; a refused submission
 * comes back with one message per field and what was typed, never a password.
 */
import { expect, it, describe } from 'vitest';
import { AccountError } from '../../src/lib/server/auth/accounts';
import { accountAction } from '../../src/lib/server/forms/account-action';
import { addUserForm, changePasswordForm } from '../../src/lib/schemas/account-forms';

function post(fields: Record<string, string>): Request {
  return new Request('http://127.0.0.1/settings/users?/add', {
    method: 'POST',
    body: new URLSearchParams(fields)
  });
}

describe('account forms', () => {
  it('reads an empty password as "generate one" and checks a typed one', () => {
    expect(addUserForm.parse({ name: ' eli ', role: 'analyst', password: '' })).toEqual({
      name: 'eli',
      role: 'analyst',
      password: undefined
    });
    const typed = addUserForm.parse({ name: 'eli', role: 'analyst', password: 'long enough!' });
    expect(typed.password).toBe('long enough!');
    const short = addUserForm.safeParse({ name: 'eli', role: 'analyst', password: 'short' });
    expect(short.error?.issues[0]?.path).toEqual(['password']);
  });

  it('wants the new password twice, the same', () => {
    const result = changePasswordForm.safeParse({
      currentPassword: 'old password',
      newPassword: 'new password 1',
      confirmPassword: 'new password 2'
    });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['confirmPassword'],
      message: 'the two new passwords differ'
    });
  });

  it('returns field errors with the typed values but without any password', async () => {
    const result = await accountAction(
      post({ name: 'bad name!', role: 'chief', password: 'short' }),
      'add',
      addUserForm,
      async () => ({ notice: 'never reached' })
    );
    expect(result).toMatchObject({
      status: 400,
      data: {
        action: 'add',
        values: { name: 'bad name!', role: 'chief' },
        errors: {
          name: expect.stringMatching(/letters, digits/),
          role: expect.stringMatching(/role is one of/),
          password: expect.stringMatching(/at least 10 characters/)
        }
      }
    });
    expect(JSON.stringify(result)).not.toContain('short');
  });

  it('puts an AccountError next to the field it names, and passes a success through', async () => {
    const refused = await accountAction(
      post({ name: 'dana', role: 'analyst' }),
      'add',
      addUserForm,
      async () => {
        throw new AccountError('a user named "dana" already exists', 'name');
      }
    );
    expect(refused).toMatchObject({
      status: 400,
      data: { errors: { name: 'a user named "dana" already exists' }, values: { name: 'dana' } }
    });
    const done = await accountAction(
      post({ name: 'dana', role: 'analyst' }),
      'add',
      addUserForm,
      async (input) => ({ notice: `added ${input.name}` })
    );
    expect(done).toEqual({ notice: 'added dana', action: 'add' });
  });
});
