/**
 * Password hashing with scrypt (node:crypto, no native add-on). Each hash carries its own
 * parameters and salt — `scrypt$N$r$p$salt$hash`, base64url — so the cost can be raised later
 * and old hashes still verify.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * N = 2^16, r = 8: 64 MiB and about 0.3 s per hash on a small server — slow for an attacker
 * with a stolen dump, tolerable once per login. (OWASP's floor is 2^17; we halve it so a
 * burst of logins on a 2-core box doesn't stall the dashboard. Raise it here: old hashes
 * keep verifying with the parameters they carry.)
 */
const COST = 2 ** 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const { N = COST, r = BLOCK_SIZE } = options;
  // Node refuses above 32 MiB by default; allow what these parameters need, with headroom.
  const maxmem = 256 * N * r;
  return new Promise((done, fail) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
      error ? fail(error) : done(key)
    )
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM });
  return [
    'scrypt',
    COST,
    BLOCK_SIZE,
    PARALLELISM,
    salt.toString('base64url'),
    key.toString('base64url')
  ].join('$');
}

/** False for a wrong password and for a hash this code can't read (never throws on those). */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash, ...rest] = encoded.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !hash) return false;
  const [N, blockSize, parallelism] = [Number(n), Number(r), Number(p)];
  if (![N, blockSize, parallelism].every((value) => Number.isSafeInteger(value) && value > 0))
    return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N,
    r: blockSize,
    p: parallelism
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of nothing anyone knows. Verifying against it when the user doesn't exist costs
 * the same time as a real check, so response times don't reveal which names exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** 24 characters of base64url: 144 random bits, easy to copy from a terminal. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
