/**
 * Random secrets handed to a client (session cookies, API tokens) and the digest the
 * database keeps instead. SHA-256 without salt is enough here: the secrets are 256 random
 * bits, so there is nothing to guess, and a fast lookup by digest is what we need.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
