/**
 * Child process of the export stage: `export-child.ts <database-url> <file>` exports every
 * comment as CSV through startExport (as `cli export` does) into the file, then prints
 * { rows, megabytes, seconds, peakRssMb } as one line of JSON.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { reportFilterSchema } from '../lib/schemas/report-filter';
import { createDb } from '../lib/server/db';
import { startExport } from '../lib/server/reports';
import { peakRssMb } from './child-process';

const [databaseUrl, file] = process.argv.slice(2);
if (!databaseUrl || !file) throw new Error('usage: export-child.ts <database-url> <file>');
const database = await createDb({ databaseUrl });
try {
  const started = performance.now();
  const exported = await startExport(database.db, {
    format: 'csv',
    filter: reportFilterSchema.parse({}),
    user: null,
    via: 'bench'
  });
  await pipeline(exported.stream, createWriteStream(file));
  const seconds = (performance.now() - started) / 1000;
  const { size } = await stat(file);
  console.log(
    JSON.stringify({ rows: exported.rows, megabytes: size / 1e6, seconds, peakRssMb: peakRssMb() })
  );
} finally {
  await database.close();
}
