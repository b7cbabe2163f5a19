/** Issue 6's targets against a run's results (see targets.ts); stages not run are skipped. */
import { atLeast, atMost, type TargetCheck } from './targets';

interface Latency {
  scenario: string;
  users: number;
  p95Ms: number;
}

export function checkTargets(results: Record<string, unknown>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const parse = results.parse as { corpus: string; megabytesPerSecond: number }[] | undefined;
  for (const row of parse?.filter((row) => row.corpus.endsWith('text')) ?? [])
    checks.push(atLeast(`parse ${row.corpus}`, row.megabytesPerSecond, 50, 'MB/s'));
  const ingest = results.ingestPostgres as { commentsPerSecond: number } | undefined;
  if (ingest)
    checks.push(atLeast('ingest into PostgreSQL', ingest.commentsPerSecond, 20_000, 'comments/s'));
  for (const [stage, goal] of [
    ['queue', 50],
    ['analytics', 200]
  ] as const) {
    const measured = results[stage] as { comments: number; results: Latency[] } | undefined;
    for (const row of measured?.results ?? [])
      checks.push(
        atMost(
          `${stage} p95, ${row.scenario}, ${row.users} user(s), ${measured!.comments} comments`,
          row.p95Ms,
          goal,
          'ms'
        )
      );
  }
  const worker = results.worker as { peakRssMb: number } | undefined;
  if (worker) checks.push(atMost('worker peak RSS', worker.peakRssMb, 600, 'MB'));
  const classify = results.classify as { what: string; commentsPerSecond: number }[] | undefined;
  if (classify) {
    const fused = classify.find((row) => row.what.startsWith('classifier'));
    const slowest = Math.min(
      ...classify.filter((row) => row !== fused).map((row) => row.commentsPerSecond)
    );
    if (fused)
      checks.push(
        atLeast(
          'classifier vs slowest component',
          (fused.commentsPerSecond / slowest) * 100,
          90,
          '%'
        )
      );
  }
  return checks;
}
