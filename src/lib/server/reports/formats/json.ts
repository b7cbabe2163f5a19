/**
 * JSON: the CSV's fields plus each comment's spans and full decision history. `json` is one
 * array written element by element (`[`, rows separated by `,\n`, `]`), `ndjson` one
 * object a line, for tools that read line by line. Either is generated as it is read, one
 * batch in memory at a time.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { ReportFilter } from '../../../schemas/report-filter';
import type { Schema } from '../../db/schema';
import { reportBatchesWithHistory, type BatchOptions } from '../report-rows';

async function* jsonArrayChunks(rows: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const batch of rows) {
    const text = batch.map((row) => JSON.stringify(row)).join(',\n');
    yield first ? `\n${text}` : `,\n${text}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

async function* jsonLines(rows: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  for await (const batch of rows) yield batch.map((row) => `${JSON.stringify(row)}\n`).join('');
}

export function jsonReport(
  db: Kysely<Schema>,
  filter: ReportFilter,
  { lines = false, ...options }: BatchOptions & { lines?: boolean } = {}
): Readable {
  const rows = reportBatchesWithHistory(db, filter, options);
  return Readable.from(lines ? jsonLines(rows) : jsonArrayChunks(rows), { objectMode: false });
}
