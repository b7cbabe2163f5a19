/** Request latencies by kind, and their percentiles (nearest rank), for the load test's report. */

export interface LatencySummary {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class LatencyLog {
  readonly #byKind = new Map<string, number[]>();

  record(kind: string, milliseconds: number): void {
    const list = this.#byKind.get(kind) ?? [];
    list.push(milliseconds);
    this.#byKind.set(kind, list);
  }

  /** Milliseconds, rounded to 0.1. */
  summary(): Record<string, LatencySummary> {
    return Object.fromEntries(
      [...this.#byKind].map(([kind, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = (fraction: number) =>
          round(sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!);
        return [
          kind,
          { requests: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) }
        ];
      })
    );
  }
}

const round = (milliseconds: number) => Math.round(milliseconds * 10) / 10;
