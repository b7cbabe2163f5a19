/**
 * Reading the labelled corpora (`../shared/datasets/*.jsonl`): one JSON object a line,
 * `{id, source, text, labels: {label: 1 | 0 | null}}`. Streamed with readline so a large
 * file never sits in memory as one string. A label a row does not mention counts as null
 * ("this source does not say"), and each label is trained only on its non-null rows.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { LABELS, type Label } from '../types';

export type Verdict = 0 | 1 | null;

export interface LabelledRow {
  id: string;
  source: string;
  text: string;
  labels: Record<Label, Verdict>;
}

const RowSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  text: z.string(),
  labels: z.record(z.string(), z.union([z.literal(0), z.literal(1), z.null()]))
});

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

/** Turns one parsed JSON value into a row, or throws naming the file and line. */
export function toLabelledRow(value: unknown, where: string): LabelledRow {
  const parsed = RowSchema.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new DatasetError(`${where}: ${problem?.path.join('.') ?? ''} ${problem?.message ?? ''}`);
  }
  const { id, source, text, labels } = parsed.data;
  const verdicts = Object.fromEntries(LABELS.map((label) => [label, labels[label] ?? null]));
  return { id, source, text, labels: verdicts as Record<Label, Verdict> };
}

/** Every row of one JSONL file, in file order; blank lines are skipped. */
export async function readLabelledFile(file: string): Promise<LabelledRow[]> {
  const rows: LabelledRow[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DatasetError(`${file}:${lineNumber}: not valid JSON`);
    }
    rows.push(toLabelledRow(value, `${file}:${lineNumber}`));
  }
  return rows;
}

/** Every `*.jsonl` directly in `dir`, files in name order so a run does not depend on readdir. */
export async function readLabelledDirectory(dir: string): Promise<LabelledRow[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new DatasetError(`${dir}: no .jsonl files`);
  const rows: LabelledRow[] = [];
  for (const name of files) rows.push(...(await readLabelledFile(join(dir, name))));
  return rows;
}

/** The rows that say something about `label`, with that verdict as 0 | 1. */
export function rowsForLabel(
  rows: readonly LabelledRow[],
  label: Label
): { rows: LabelledRow[]; targets: Uint8Array } {
  const kept = rows.filter((row) => row.labels[label] !== null);
  return { rows: kept, targets: Uint8Array.from(kept, (row) => row.labels[label] ?? 0) };
}
