/**
 * `stories`: the story groups, one block per group (id, title, each article with its
 * outlet and comment count). `stories rebuild`: recompute every fingerprint and group, for
 * a database ingested before story groups existed or after the grouping changed;
 * idempotent (group ids are their oldest article's id, so they come out the same).
 */
import type { Command } from 'commander';
import { recordAuditEvent } from '../../lib/server/audit';
import { listStoryGroupsWithArticles, rebuildStoryGroups } from '../../lib/server/stories';
import { withDatabase } from '../database';
import { positiveInteger } from '../number-options';

export function registerStories(program: Command): void {
  const stories = program
    .command('stories')
    .description('story groups: copies and write-ups of one story from several outlets');

  stories
    .command('list', { isDefault: true })
    .description('list the story groups with their articles, outlets and comment counts')
    .option('--min-articles <n>', 'only groups with at least this many articles', positiveInteger)
    .action(async (options: { minArticles?: number }) => {
      const groups = await withDatabase(({ db }) =>
        listStoryGroupsWithArticles(db, { minArticles: options.minArticles })
      );
      for (const group of groups) {
        const outlets = group.outletCount === 1 ? '1 outlet' : `${group.outletCount} outlets`;
        process.stdout.write(
          `story ${group.id}\t${group.title ?? '(untitled)'}\t${group.articles.length} articles, ${outlets}\n`
        );
        for (const article of group.articles) {
          process.stdout.write(
            `  article ${article.id}\t${article.outlet ?? '(unknown outlet)'}\t` +
              `${article.commentCount} comments\t${article.title ?? '(untitled)'}\n`
          );
        }
      }
      if (groups.length === 0) process.stderr.write('no story groups yet\n');
    });

  stories
    .command('rebuild')
    .description('recompute the fingerprints and story groups of every article (idempotent)')
    .action(async () => {
      const { articles, groups } = await withDatabase(async ({ db }) => {
        const articles = await rebuildStoryGroups(db);
        const groups = (await listStoryGroupsWithArticles(db)).length;
        // After the rebuild's own transaction: the log says what it produced.
        await recordAuditEvent(db, {
          userId: null,
          action: 'stories.rebuild',
          detail: { articles, groups }
        });
        return { articles, groups };
      });
      process.stdout.write(`grouped ${articles} articles into ${groups} story groups\n`);
    });
}
