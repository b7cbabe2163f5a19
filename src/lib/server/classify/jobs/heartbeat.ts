/**
 * Keeps a batch's leases alive while it is classified, so a lease can be short (a killed
 * worker's jobs come back soon) without a slow batch losing its jobs to another worker.
 * Renews every third of the lease: two renewals can fail or come late before it runs out.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { extendLeases } from './claim';

export interface Heartbeat {
  /** Stops renewing and waits for a renewal in flight, so none runs after the batch. */
  stop(): Promise<void>;
}

export function keepLeases(
  db: Kysely<Schema>,
  {
    owner,
    jobIds,
    leaseSeconds
  }: { owner: string; jobIds: readonly number[]; leaseSeconds: number }
): Heartbeat {
  let inFlight: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      // A failed renewal is not fatal: completion checks the lease and reports what was lost.
      inFlight = extendLeases(db, { owner, jobIds, leaseSeconds }).catch(() => []);
    },
    Math.max(100, (leaseSeconds * 1000) / 3)
  );
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    }
  };
}
