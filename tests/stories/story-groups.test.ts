/** Story groups formed at ingest, merged by a bridging article, and rebuilt. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/server/db/schema';
import { ingestDocument } from '../../src/lib/server/ingest/ingest-document';
import { listStoryGroupsWithArticles, rebuildStoryGroups } from '../../src/lib/server/stories';
import { describeEachEngine } from '../helpers/test-databases';
import { groupOf } from '../helpers/story-group-of';

const SEEDS_DIR = process.env.THREADWATCH_SEEDS_DIR ?? join(import.meta.dirname, '../../seeds');
const FIXTURES = join(import.meta.dirname, '../fixtures/stories');

/** Ingests a file (or text) and returns its article id. */
async function ingest(db: Kysely<Schema>, name: string, bytes: Uint8Array): Promise<number> {
  const outcome = await ingestDocument(db, { bytes, fileName: name });
  if (outcome.status !== 'stored') throw new Error(`${name} was not stored: ${outcome.status}`);
  return outcome.articleId;
}
const page = (title: string, paragraphs: string[]) =>
  new TextEncoder().encode(`${title}\n\n${paragraphs.join('\n\n')}\n`);

async function ingestSeeds(db: Kysely<Schema>): Promise<number[]> {
  const files = readdirSync(SEEDS_DIR).sort();
  const ids: number[] = [];
  for (const file of files) ids.push(await ingest(db, file, readFileSync(join(SEEDS_DIR, file))));
  return ids;
}

/** Grouping as sorted lists of article ids, ids of groups included. */
async function grouping(db: Kysely<Schema>) {
  const groups = await listStoryGroupsWithArticles(db);
  return groups
    .map((group) => ({ id: group.id, articles: group.articles.map((article) => article.id) }))
    .sort((a, b) => a.id - b.id);
}

// Three short stories in my own words: two unrelated, and a round-up that retells both.
const FERRY = [
  'The county ferry to Gull Island will stop running on Sundays from April, the transport board said, because two of its four deckhands are retiring and no replacements have been hired.',
  'Island shopkeepers said weekend visitors bring a third of their trade and asked the board to reconsider before the summer timetable is printed.'
];
const ORCHARD = [
  'Frost on two nights last week destroyed most of the apricot blossom in the Hollin valley orchards, growers reported, and the cooperative expects less than half of a normal harvest.',
  'Growers with wind machines saved more of their trees; the cooperative will ask the regional farm fund for help with the losses.'
];

describeEachEngine('story groups', (database) => {
  beforeEach(async () => {
    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      database().db
    );
  });

  it('put the five seeds, one story from five outlets, in one group', async () => {
    const db = database().db;
    const seeds = await ingestSeeds(db);
    expect(seeds).toHaveLength(5);
    const groups = await listStoryGroupsWithArticles(db);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ id: seeds[0], articleCount: 5, outletCount: 5 });
    expect(groups[0]?.articles.map((article) => article.id)).toEqual(seeds);
    // The group is named after its oldest article; seed 004 carries all the comments.
    expect(groups[0]?.title).toMatch(/^Russia says it has been in touch/);
    expect(groups[0]?.articles.find((article) => article.id === seeds[4])?.commentCount).toBe(33);
  });

  it('give an unrelated article its own group, and a reprint of it that group', async () => {
    const db = database().db;
    const seeds = await ingestSeeds(db);
    const library = await ingest(db, 'lib.txt', readFileSync(join(FIXTURES, 'library-branch.txt')));
    expect(await groupOf(db, library)).toBe(library);
    expect(await groupOf(db, seeds[0]!)).toBe(seeds[0]);

    const reprint = await ingest(
      db,
      'reprint.txt',
      readFileSync(join(FIXTURES, 'library-branch-reprint.txt'))
    );
    expect(await groupOf(db, reprint)).toBe(library);
    expect(await grouping(db)).toEqual([
      { id: seeds[0], articles: seeds },
      { id: library, articles: [library, reprint] }
    ]);
  });

  it('merge two groups into the older one when an article bridges them', async () => {
    const db = database().db;
    const ferry = await ingest(db, 'ferry.txt', page('Sunday ferries cut', FERRY));
    const orchard = await ingest(db, 'orchard.txt', page('Frost ruins apricots', ORCHARD));
    expect(await grouping(db)).toEqual([
      { id: ferry, articles: [ferry] },
      { id: orchard, articles: [orchard] }
    ]);

    const roundUp = await ingest(
      db,
      'round-up.txt',
      page('The week in the county', [...FERRY, ...ORCHARD])
    );
    expect(await grouping(db)).toEqual([{ id: ferry, articles: [ferry, orchard, roundUp] }]);
    const remaining = await db.selectFrom('story_groups').select('id').execute();
    expect(remaining).toEqual([{ id: ferry }]);
  });

  it('rebuild to the same groups and ids, however often it runs', async () => {
    const db = database().db;
    await ingestSeeds(db);
    await ingest(db, 'lib.txt', readFileSync(join(FIXTURES, 'library-branch.txt')));
    await ingest(db, 'ferry.txt', page('Sunday ferries cut', FERRY));
    await ingest(db, 'reprint.txt', readFileSync(join(FIXTURES, 'library-branch-reprint.txt')));
    const atIngest = await grouping(db);
    expect(atIngest).toHaveLength(3);
    const fingerprints = await db.selectFrom('article_fingerprints').selectAll().execute();

    expect(await rebuildStoryGroups(db)).toBe(8);
    expect(await grouping(db)).toEqual(atIngest);
    expect(await rebuildStoryGroups(db)).toBe(8);
    expect(await grouping(db)).toEqual(atIngest);
    const again = await db.selectFrom('article_fingerprints').selectAll().execute();
    const withoutTime = (rows: typeof fingerprints) =>
      rows.map(({ computed_at: _time, ...row }) => row).sort((a, b) => a.article_id - b.article_id);
    expect(withoutTime(again)).toEqual(withoutTime(fingerprints));
    const bands = await db
      .selectFrom('article_lsh_bands')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(bands.count).toBe(8 * (32 + 128));
  });

  it('group articles stored before story groups existed (a database from before 0006)', async () => {
    const db = database().db;
    const seeds = await ingestSeeds(db);
    // What an old database looks like after the migration: articles, no fingerprints.
    await db.updateTable('articles').set({ story_group_id: null }).execute();
    await db.deleteFrom('story_groups').execute();
    await db.deleteFrom('article_fingerprints').execute();
    await db.deleteFrom('article_lsh_bands').execute();
    const { groupMissingArticles } = await import('../../src/lib/server/stories');
    expect(await groupMissingArticles(db)).toBe(5);
    expect(await grouping(db)).toEqual([{ id: seeds[0], articles: seeds }]);
    expect(await groupMissingArticles(db)).toBe(0);
  });
});

describeEachEngine(
  'story groups under concurrent ingest',
  (database) => {
    it('found one group when two copies of a story are ingested at the same time', async () => {
      const db = database().db;
      const [original, reprint] = await Promise.all(
        ['library-branch.txt', 'library-branch-reprint.txt'].map((file) =>
          ingest(db, file, readFileSync(join(FIXTURES, file)))
        )
      );
      // Whichever transaction takes the grouping lock first founds the group (with its
      // article's id) and the other joins it; which one that is, is a race.
      const groups = await grouping(db);
      expect(groups).toHaveLength(1);
      expect([...groups[0]!.articles].sort((a, b) => a - b)).toEqual(
        [original!, reprint!].sort((a, b) => a - b)
      );
      expect([original, reprint]).toContain(groups[0]!.id);
    });
  },
  { engines: ['postgres'] }
);
