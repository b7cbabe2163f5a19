/**
 * The `score` protocol: JSON lines `{"id", "text"}` in, one line per valid input out, in
 * the same order: `{"id", "scores", "flagged", "spans"}`. Lines are classified in batches
 * so the model's per-call cost is shared, and written as each batch finishes so a long
 * stream shows progress and never sits in memory whole.
 */
import { z } from 'zod';
import type { Classification, Classifier } from './types';

const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string()
});

export type ScoreInput = z.infer<typeof InputLine>;

export interface ScoreLinesOptions {
  batchSize?: number;
  write: (line: string) => void;
  /** A line that is not `{"id", "text"}` JSON: reported, skipped, and the stream goes on. */
  reject: (lineNumber: number, reason: string) => void;
}

const SCORE_DECIMALS = 4;

export async function scoreLines(
  lines: AsyncIterable<string>,
  classifier: Classifier,
  { batchSize = 64, write, reject }: ScoreLinesOptions
): Promise<{ scored: number; rejected: number }> {
  let batch: ScoreInput[] = [];
  let scored = 0;
  let rejected = 0;
  let lineNumber = 0;
  const flush = async () => {
    const results = await classifier.classify(batch.map((input) => input.text));
    batch.forEach((input, index) => write(formatResult(input.id, results[index]!)));
    scored += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const input = parseLine(line);
    if (typeof input === 'string') {
      rejected += 1;
      reject(lineNumber, input);
      continue;
    }
    batch.push(input);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { scored, rejected };
}

function parseLine(line: string): ScoreInput | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const parsed = InputLine.safeParse(json);
  return parsed.success ? parsed.data : 'expected {"id": string or number, "text": string}';
}

export function formatResult(id: string | number, result: Classification): string {
  const scores = Object.fromEntries(
    Object.entries(result.scores).map(([label, score]) => [
      label,
      Number(score.toFixed(SCORE_DECIMALS))
    ])
  );
  const spans = result.spans.map(({ start, end, label, reason }) => ({
    start,
    end,
    label,
    reason
  }));
  return JSON.stringify({ id, scores, flagged: result.flagged, spans });
}
