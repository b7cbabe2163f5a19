/** `ingest <inputs...>`: store documents with their articles and comments. */
import type { Command } from 'commander';
import {
  describeSummary,
  ingestFiles,
  type FileResult
} from '../../lib/server/ingest/ingest-files';
import { expandInputs } from '../../lib/server/ingest/input-files';
import { analyzeAfterIngest } from '../../lib/server/db/statistics';
import { withDatabase } from '../database';
import { startProgress } from '../progress';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('store pages (files, folders or globs) with their article and comments')
    .argument('<inputs...>', 'files, folders (searched for .txt/.html) or quoted globs')
    .action(async (inputs: string[]) => {
      const { files, missing } = await expandInputs(inputs);
      for (const problem of missing) process.stderr.write(`failed: ${problem.message}\n`);
      const summary = await withDatabase(async ({ db }) => {
        const progress = startProgress(files.length, 'ingest');
        let summary;
        try {
          summary = await ingestFiles(db, files, (result) => {
            progress.tick(result.file);
            reportFailure(result);
          });
        } finally {
          progress.stop();
        }
        // A large folder: fresh statistics before workers plan their job claims on them.
        if (await analyzeAfterIngest(db, summary.comments))
          process.stderr.write('ingest: refreshed the planner statistics after a bulk load\n');
        return summary;
      });
      const notFound = missing.length > 0 ? `, ${missing.length} not found` : '';
      process.stdout.write(`${describeSummary(summary)}${notFound}\n`);
      // Any failed or missing input makes the whole command fail, so scripts notice.
      if (summary.failed > 0 || missing.length > 0) process.exitCode = 1;
    });
}

function reportFailure({ file, outcome }: FileResult): void {
  if (outcome.status === 'failed') {
    process.stderr.write(`failed: ${file}: ${outcome.error.message} (stored as failed)\n`);
  } else if (outcome.status === 'unread') {
    process.stderr.write(`failed: ${outcome.message}\n`);
  }
}
