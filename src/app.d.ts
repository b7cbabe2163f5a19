// See https://svelte.dev/docs/kit/types#app.d.ts
import type { User } from '$lib/server/auth/users.repository';

declare global {
  namespace App {
    interface Error {
      message: string;
      errorId?: string;
    }
    interface Locals {
      /** Who is asking (session cookie or API token), set by the guard; null when nobody. */
      user: User | null;
    }
  }
}

export {};
