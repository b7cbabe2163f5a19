/**
 * The story look-up's bounds (same-story.ts): an article joins a matching article's group
 * only when their story times lie within the window, and is compared with at most
 * MAX_CANDIDATES stored articles, the strongest band matches first.
 */
import { sql, type Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/server/db/schema';
import { fingerprintArticle, rebuildStoryGroups } from '../../src/lib/server/stories';
import { findCandidates } from '../../src/lib/server/stories/fingerprints.repository';
import { MAX_CANDIDATES, STORY_WINDOW_DAYS } from '../../src/lib/server/stories/same-story';
import { storeStoryCopy } from '../helpers/story-copies';
import { describeEachEngine } from '../helpers/test-databases';
import { groupOf } from '../helpers/story-group-of';

const FERRY = {
  title: 'Sunday ferries cut',
  body: [
    'The county ferry to Gull Island will stop running on Sundays from April, the transport board said, because two of its four deckhands are retiring and no replacements have been hired.',
    'Island shopkeepers said weekend visitors bring a third of their trade and asked the board to reconsider before the summer timetable is printed.'
  ].join('\n\n')
};
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 2, 1);

/** Stores a copy of the ferry story published `days` after START, grouped as at ingest. */
const storeCopy = (db: Kysely<Schema>, name: string, days: number | null) =>
  storeStoryCopy(db, FERRY, name, days === null ? null : new Date(START + days * DAY));

describeEachEngine('story look-up window and cap', (database) => {
  beforeEach(async () => {
    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      database().db
    );
  });

  it('join a copy published within the window, not one published after it', async () => {
    const db = database().db;
    const first = await storeCopy(db, 'first', 0);
    const inside = await storeCopy(db, 'inside', STORY_WINDOW_DAYS - 1);
    const outside = await storeCopy(db, 'outside', 3 * STORY_WINDOW_DAYS);
    const before = await storeCopy(db, 'before', -STORY_WINDOW_DAYS);
    expect(await groupOf(db, inside)).toBe(first);
    expect(await groupOf(db, before)).toBe(first);
    expect(await groupOf(db, outside)).toBe(outside);

    // The window is symmetric, so rebuilding in id order gives the same groups.
    await rebuildStoryGroups(db);
    expect([await groupOf(db, inside), await groupOf(db, before)]).toEqual([first, first]);
    expect(await groupOf(db, outside)).toBe(outside);
  });

  it('take the ingest time for an article without a publication date', async () => {
    const db = database().db;
    const dated = await storeCopy(db, 'dated', 0); // in 2025: far from now
    const undated = await storeCopy(db, 'undated', null);
    const undatedToo = await storeCopy(db, 'undated too', null);
    expect(await groupOf(db, undated)).toBe(undated);
    expect(await groupOf(db, undatedToo)).toBe(undated);
    expect(await groupOf(db, dated)).toBe(dated);
  });

  it(`compare with at most ${MAX_CANDIDATES} stored articles, the nearest in time first`, async () => {
    const db = database().db;
    const stored: number[] = [];
    // Identical copies share every band, so the nearest in time wins the ties.
    for (let copy = 0; copy < MAX_CANDIDATES + 5; copy++)
      stored.push(await storeCopy(db, `copy ${copy}`, copy / 100));
    const last = await storeCopy(db, 'last', (MAX_CANDIDATES + 5) / 100);
    const candidates = await findCandidates(db, last, fingerprintArticle(FERRY));
    expect(candidates).toHaveLength(MAX_CANDIDATES);
    expect(new Set(candidates.map((candidate) => candidate.articleId))).toEqual(
      new Set(stored.slice(-MAX_CANDIDATES))
    );
    expect(await groupOf(db, last)).toBe(stored[0]);
  });
});
