/**
 * `export --format csv|json|ndjson|pdf --out FILE [--from --to --outlet --article --story --status
 * --label] [--as NAME]`: a moderation report, streamed to FILE batch by batch (or to stdout
 * with `--out -`). The file appears only when complete: it is written next to FILE under a
 * temporary name and renamed at the end, so a failed export never leaves half a report or
 * clobbers an earlier one. The export is recorded in the audit trail (user: --as, or none).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { AccountError } from '../../lib/server/auth';
import { findUserByName } from '../../lib/server/auth/users.repository';
import {
  REPORT_FORMATS,
  reportFilterIssues,
  reportFilterSchema,
  type ReportFormat
} from '../../lib/schemas/report-filter';
import { startExport } from '../../lib/server/reports';
import { withDatabase } from '../database';
import { positiveInteger } from '../number-options';

interface ExportOptions {
  format: ReportFormat;
  out: string;
  from?: string;
  to?: string;
  outlet?: string;
  article?: string;
  story?: string;
  status?: string;
  label?: string;
  as?: string;
  batchSize?: number;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a moderation report (one row per comment; PDF: summary, charts, removals)')
    .addOption(
      new Option('--format <format>', 'report format').choices(REPORT_FORMATS).makeOptionMandatory()
    )
    .requiredOption('--out <file>', "where to write it ('-' for stdout)")
    .option('--from <date>', 'comments from this day or ISO time on (posted, else ingested)')
    .option('--to <date>', 'comments up to this day (inclusive) or ISO time')
    .option('--outlet <name>', 'only comments under articles of this outlet')
    .option('--article <id>', 'only comments under this article')
    .option('--story <id>', 'only comments under articles of this story group (see `stories`)')
    .option('--status <list>', 'current status: pending, approved, removed, escalated (comma list)')
    .option('--label <list>', 'flagged as any of these labels (comma list)')
    .option('--as <user>', 'record the export in the audit trail as this user')
    .option('--batch-size <n>', 'comments read per query', positiveInteger)
    .action(async (options: ExportOptions) => {
      const parsed = reportFilterSchema.safeParse(options);
      if (!parsed.success) {
        process.stderr.write(`threadwatch: ${reportFilterIssues(parsed.error).join('; ')}\n`);
        process.exitCode = 1;
        return;
      }
      const rows = await withDatabase(async ({ db }) => {
        const user = options.as === undefined ? null : await findUserByName(db, options.as);
        if (user === undefined) throw new AccountError(`no user named ${options.as}`);
        const started = await startExport(
          db,
          { format: options.format, filter: parsed.data, user, via: 'cli' },
          { batchSize: options.batchSize }
        );
        await writeOut(started.stream, options.out);
        return started.rows;
      });
      if (options.out !== '-')
        process.stderr.write(`exported ${rows} comments to ${options.out} (${options.format})\n`);
    });
}

async function writeOut(stream: NodeJS.ReadableStream, out: string): Promise<void> {
  if (out === '-') {
    await pipeline(stream, process.stdout, { end: false });
    return;
  }
  const partial = `${out}.partial-${process.pid}`;
  try {
    await pipeline(stream, createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
