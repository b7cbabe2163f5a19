/** scrypt hashing: verify accepts the password and nothing else; salts make hashes unique. */
import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  verifyPassword
} from '../../src/lib/server/auth/passwords';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret password');
    expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain('s3cret');
    expect(await verifyPassword('s3cret password', hash)).toBe(true);
    expect(await verifyPassword('s3cret passworD', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts each hash, so one password hashes differently twice', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same', first)).toBe(true);
    expect(await verifyPassword('same', second)).toBe(true);
  });

  it('refuses, without throwing, a hash it cannot read', async () => {
    for (const broken of ['', 'plain', 'bcrypt$1$2$3$a$b', 'scrypt$0$8$1$c2FsdA$aGFzaA']) {
      expect(await verifyPassword('x', broken)).toBe(false);
    }
  });

  it('generates long, distinct passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[\w-]{24}$/);
  });
});
