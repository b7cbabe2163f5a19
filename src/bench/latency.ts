/**
 * Server time under concurrency: `users` async callers, each making `requests` calls one
 * after another, all sharing one connection pool, as the app's request handlers do. Every
 * call's duration is kept; p50 and p95 are over all of them. Two warm-up calls run first
 * (plans, JIT, the database's cache), untimed.
 */
export interface LatencyResult {
  scenario: string;
  users: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  perSecond: number;
}

export async function measureLatency(
  scenario: string,
  { users, requests }: { users: number; requests: number },
  call: () => Promise<unknown>
): Promise<LatencyResult> {
  for (let warm = 0; warm < 2; warm++) await call();
  const durations: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async () => {
      for (let request = 0; request < requests; request++) {
        const begun = performance.now();
        await call();
        durations.push(performance.now() - begun);
      }
    })
  );
  const seconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    scenario,
    users,
    requests: durations.length,
    p50Ms: percentile(durations, 0.5),
    p95Ms: percentile(durations, 0.95),
    maxMs: durations.at(-1) ?? 0,
    perSecond: durations.length / seconds
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}
