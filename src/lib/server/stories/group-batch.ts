/**
 * Groups the articles a batch ingest has just inserted, with the same outcome as
 * assignStoryGroup on each in turn, in a fixed number of statements: fingerprints in two,
 * every article's candidates in one (findCandidatesOfBatch), the decisions in JS, then the
 * new groups, the articles' groups and any merges in four. One by one, each article cost a
 * candidate query and two writes, and the grouping lock was held across all of them.
 *
 * What one-by-one grouping learns between articles is kept here instead: the group each
 * earlier article of the batch joined, and which groups were merged into which, so a
 * candidate's stored group id is read through the merges made since.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { STORY_GROUPING_LOCK, type ArticleToGroup } from './assign';
import { findCandidatesOfBatch } from './batch-candidates.repository';
import type { ArticleFingerprint } from './fingerprint';
import { insertFingerprints } from './fingerprints.repository';
import { isSameStory, similarity } from './same-story';

export async function groupInsertedArticles(
  trx: Kysely<Schema>,
  articles: ReadonlyArray<ArticleToGroup & { fingerprint: ArticleFingerprint }>
): Promise<number[]> {
  if (articles.length === 0) return [];
  await insertFingerprints(
    trx,
    articles.map(({ id, fingerprint }) => ({ articleId: id, fingerprint }))
  );
  await sql`select pg_advisory_xact_lock(${STORY_GROUPING_LOCK})`.execute(trx);
  const candidatesOf = await findCandidatesOfBatch(trx, articles);

  const joined = new Map<number, number>(); // batch article → the group it joined or founded
  const mergedInto = new Map<number, number>(); // absorbed group → the group that took it
  const current = (group: number): number => {
    while (mergedInto.has(group)) group = mergedInto.get(group)!;
    return group;
  };
  for (const article of articles) {
    const groups = new Set<number>();
    for (const candidate of candidatesOf.get(article.id)!) {
      const group = joined.get(candidate.articleId) ?? candidate.storyGroupId;
      if (group === null) continue; // not grouped yet: rebuild reaches it later
      if (candidate.coverage || isSameStory(similarity(article.fingerprint, candidate)))
        groups.add(current(group));
    }
    if (groups.size === 0) {
      joined.set(article.id, article.id); // founds a group of its own, with its id
      continue;
    }
    const [survivor, ...absorbed] = [...groups].sort((a, b) => a - b) as [number, ...number[]];
    for (const group of absorbed) mergedInto.set(group, survivor);
    joined.set(article.id, survivor);
  }

  const groupOf = articles.map(({ id }) => current(joined.get(id)!));
  const founded = articles.filter(({ id }, at) => groupOf[at] === id);
  await saveGroups(
    trx,
    founded,
    articles,
    groupOf,
    [...mergedInto.keys()].map((g) => [g, current(g)])
  );
  return groupOf;
}

async function saveGroups(
  trx: Kysely<Schema>,
  founded: readonly ArticleToGroup[],
  articles: readonly ArticleToGroup[],
  groupOf: readonly number[],
  merges: ReadonlyArray<[absorbed: number, survivor: number]>
): Promise<void> {
  if (founded.length > 0)
    await trx
      .insertInto('story_groups')
      .values(founded.map(({ id, title }) => ({ id, title })))
      // As foundStoryGroup: a row already there is left over from a wiped corpus.
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({ title: eb.ref('excluded.title') }))
      )
      .execute();
  await sql`
    update articles a set story_group_id = g.group_id
    from unnest(${articles.map(({ id }) => id)}::bigint[], ${groupOf}::bigint[])
      as g(article_id, group_id)
    where a.id = g.article_id`.execute(trx);
  if (merges.length === 0) return;
  // Stored articles of merged groups move to the surviving one; the emptied groups go.
  await sql`
    update articles a set story_group_id = m.survivor
    from unnest(${merges.map(([absorbed]) => absorbed)}::bigint[],
      ${merges.map(([, survivor]) => survivor)}::bigint[]) as m(absorbed, survivor)
    where a.story_group_id = m.absorbed`.execute(trx);
  await trx
    .deleteFrom('story_groups')
    .where(
      'id',
      'in',
      merges.map(([absorbed]) => absorbed)
    )
    .execute();
}
