/**
 * The /queue page's server time with 1 and with many concurrent users: listQueue (a page of
 * 25) and the page's count (countQueueUpTo, to the default limit of 1,000) for typical
 * filters, the queue itself. One more scenario adds what the
 * rest of the page's load runs (the filter form's article and story-group lists), which do
 * not depend on the filter. The same functions the route calls, minus HTTP and rendering.
 */
import type { Kysely } from 'kysely';
import { queueFilterSchema, type QueueFilterInput } from '../lib/schemas/queue-filter';
import { listArticleChoices, listComparableStoryGroups } from '../lib/server/corpus/filter-choices';
import type { Schema } from '../lib/server/db/schema';
import { loadConfig } from '../lib/server/config';
import { countQueueUpTo, listQueue } from '../lib/server/moderation';
import { measureLatency, type LatencyResult } from './latency';

const PAGE_SIZE = 25;
/** The page's count limit when THREADWATCH_QUEUE_COUNT_LIMIT is not set. */
const COUNT_LIMIT = loadConfig({}).queueCountLimit;

export interface LoadPlan {
  users: number[];
  requests: number;
}

export async function measureQueue(
  db: Kysely<Schema>,
  { outlet, author }: { outlet: string; author: string },
  plan: LoadPlan
): Promise<LatencyResult[]> {
  const filters: [string, QueueFilterInput][] = [
    ['no filter', {}],
    ['label antisemitism', { label: 'antisemitism' }],
    [`outlet ${outlet}`, { outlet }],
    ['text "harbour"', { text: 'harbour' }],
    [`author with the most comments`, { author }]
  ];
  const firstPage = await listQueue(db, queueFilterSchema.parse({}), { limit: PAGE_SIZE });
  const scenarios = filters.map(([name, input]) => {
    const filter = queueFilterSchema.parse(input);
    return [name, (): Promise<unknown> => queueOnly(db, filter)] as const;
  });
  scenarios.push([
    'page 2 (cursor)',
    () => queueOnly(db, queueFilterSchema.parse({}), firstPage.nextCursor ?? undefined)
  ]);
  scenarios.push(['whole page load, no filter', () => pageLoad(db, queueFilterSchema.parse({}))]);
  const results: LatencyResult[] = [];
  for (const users of plan.users)
    for (const [name, call] of scenarios)
      results.push(await measureLatency(name, { users, requests: requestsFor(users, plan) }, call));
  return results;
}

type QueueFilter = ReturnType<typeof queueFilterSchema.parse>;

function queueOnly(db: Kysely<Schema>, filter: QueueFilter, after?: string) {
  return Promise.all([
    listQueue(db, filter, { after, limit: PAGE_SIZE }),
    countQueueUpTo(db, filter, COUNT_LIMIT)
  ]);
}

function pageLoad(db: Kysely<Schema>, filter: QueueFilter) {
  return Promise.all([
    queueOnly(db, filter),
    listArticleChoices(db, { selected: filter.articleId }),
    listComparableStoryGroups(db, { selected: filter.storyGroupId })
  ]);
}

/** One user makes `requests` calls; with many, each makes a quarter as many (at least one). */
export function requestsFor(users: number, plan: LoadPlan): number {
  return users === 1 ? plan.requests : Math.max(1, Math.ceil(plan.requests / 4));
}
