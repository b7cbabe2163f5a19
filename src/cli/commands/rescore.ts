/**
 * `rescore [--all] [--article <id>]`: after a new model or lexicon, queue the comments the
 * current classifier would score differently, i.e. those scored by other component versions
 * (and those never scored, such as comments whose job failed). Workers do the scoring.
 */
import type { Command } from 'commander';
import { enqueueAllComments, enqueueScoredByOtherVersions } from '../../lib/server/classify/jobs';
import { classifierFromSettings } from '../../lib/server/settings';
import { withDatabase } from '../database';
import { positiveInteger } from '../number-options';

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description(
      'queue comments scored by other model or lexicon versions than the current ones ' +
        '(or never scored) for classification; `worker` or `npm start` then scores them'
    )
    .option('--all', 'queue every comment, whatever scored it')
    .option('--article <id>', 'only the comments of this article', positiveInteger)
    .action(async (options: { all?: boolean; article?: number }) => {
      let versions: Record<string, string> | undefined;
      const queued = await withDatabase(async ({ db }) => {
        // Only its versions are needed, but they are what the loaded components report,
        // with the lexicon as the settings pages left it.
        if (!options.all) versions = (await classifierFromSettings(db)()).versions;
        if (options.article !== undefined) {
          const article = await db
            .selectFrom('articles')
            .select('id')
            .where('id', '=', options.article)
            .executeTakeFirst();
          if (article === undefined) return null;
        }
        const scope = { articleId: options.article };
        return versions === undefined
          ? enqueueAllComments(db, scope)
          : enqueueScoredByOtherVersions(db, versions, scope);
      });
      if (queued === null) {
        process.stderr.write(`threadwatch: there is no article ${options.article}\n`);
        process.exitCode = 1;
        return;
      }
      const why = versions
        ? `not scored by ${Object.entries(versions)
            .map(([kind, version]) => `${kind} ${version}`)
            .join(', ')}`
        : 'all';
      process.stdout.write(`queued ${queued} comments for scoring (${why})\n`);
    });
}
