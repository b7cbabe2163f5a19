import { error, fail } from '@sveltejs/kit';
import { MODERATION_STATUSES, REMOVE_REASONS } from '$lib/schemas/decision';
import { queueFilterSchema } from '$lib/schemas/queue-filter';
import { appDatabase } from '$lib/server/app-database';
import { config } from '$lib/server/config';
import { isAllowed } from '$lib/server/auth/roles';
import { LABELS } from '$lib/server/classify/types';
import { listArticleChoices, listComparableStoryGroups } from '$lib/server/corpus/filter-choices';
import {
  countQueue,
  countQueueUpTo,
  decide,
  decideAllMatching,
  decideMany,
  InvalidCursorError,
  InvalidDecisionError,
  listQueue
} from '$lib/server/moderation';
import type { Actions, PageServerLoad } from './$types';
import {
  FILTER_FIELDS,
  parseBulkDecision,
  parseFilterWide,
  parseOneDecision,
  parseSelected
} from './queue-form-data';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ url, locals, route }) => {
  const { db } = await appDatabase();
  const raw = Object.fromEntries(
    FILTER_FIELDS.map((field) => [field, url.searchParams.get(field) ?? undefined])
  );
  const parsed = queueFilterSchema.safeParse(raw);
  // A bad filter field shows its message over an unfiltered queue rather than an error page.
  const filter = parsed.success ? parsed.data : queueFilterSchema.parse({});
  const after = url.searchParams.get('after') || undefined;
  // Counting every match is slow on a large queue; the page counts up to a limit unless
  // asked (?count=exact), which a filter-wide action needs to state its number.
  const exact = url.searchParams.get('count') === 'exact';
  try {
    const [page, count, articles, storyGroups] = await Promise.all([
      listQueue(db, filter, { after, limit: PAGE_SIZE }),
      exact
        ? countQueue(db, filter).then((count) => ({ count, more: false }))
        : countQueueUpTo(db, filter, config().queueCountLimit),
      listArticleChoices(db, { selected: filter.articleId }),
      listComparableStoryGroups(db, { selected: filter.storyGroupId })
    ]);
    return {
      page,
      count: count.count,
      moreThanCount: count.more,
      filter,
      filterIssues: parsed.success ? [] : parsed.error.issues.map((issue) => issue.message),
      articles,
      // Stories told by one outlet only have nothing to compare; the filter's own group stays.
      storyGroups,
      labels: [...LABELS],
      statuses: [...MODERATION_STATUSES],
      reasons: [...REMOVE_REASONS],
      paged: after !== undefined,
      // Decision controls show only to those the guard would let post them (not analysts).
      canModerate: locals.user !== null && isAllowed(locals.user.role, route.id, 'POST')
    };
  } catch (cause) {
    if (cause instanceof InvalidCursorError) error(400, cause.message);
    throw cause;
  }
};

export const actions: Actions = {
  decide: async ({ request, locals }) => {
    const parsed = parseOneDecision(await request.formData());
    if (!parsed.ok) return fail(400, { message: parsed.message });
    const { commentId, ...decision } = parsed.value;
    const { db } = await appDatabase();
    try {
      const result = await decide(db, { ...decision, commentId, moderatorId: locals.user!.id });
      if (result.outcome === 'conflict') {
        return fail(409, { conflict: { commentId, ...result.conflict } });
      }
      if (result.outcome === 'nothing_to_undo') {
        return fail(400, { message: `Comment #${commentId} has no decision to undo` });
      }
      return {
        decided: {
          commentId,
          action: decision.action,
          status: result.status,
          version: result.version
        }
      };
    } catch (cause) {
      if (cause instanceof InvalidDecisionError) return fail(400, { message: cause.message });
      throw cause;
    }
  },

  bulk: async ({ request, locals }) => {
    const form = await request.formData();
    const selected = parseSelected(form);
    if (!selected.ok) return fail(400, { message: selected.message });
    const decision = parseBulkDecision(form);
    if (!decision.ok) return fail(400, { message: decision.message });
    const { db } = await appDatabase();
    try {
      const results = await decideMany(db, selected.value, {
        ...decision.value,
        moderatorId: locals.user!.id
      });
      const applied = results.filter(({ result }) => result.outcome === 'applied').length;
      return {
        bulk: { action: decision.value.action, applied, skipped: results.length - applied }
      };
    } catch (cause) {
      if (cause instanceof InvalidDecisionError) return fail(400, { message: cause.message });
      throw cause;
    }
  },

  all: async ({ request, locals }) => {
    const form = await request.formData();
    const scope = parseFilterWide(form);
    if (!scope.ok) return fail(400, { message: scope.message });
    const decision = parseBulkDecision(form);
    if (!decision.ok) return fail(400, { message: decision.message });
    const { db } = await appDatabase();
    try {
      const outcome = await decideAllMatching(
        db,
        scope.value.filter,
        { ...decision.value, moderatorId: locals.user!.id },
        { expectedCount: scope.value.expectedCount }
      );
      // The filter matches a different number now: the page reloads with the new count
      // and the moderator confirms again.
      if (!outcome.ok) return fail(409, { staleCount: outcome.currentCount });
      return {
        bulk: {
          action: decision.value.action,
          applied: outcome.applied,
          skipped: outcome.conflicts + outcome.nothingToUndo
        }
      };
    } catch (cause) {
      if (cause instanceof InvalidDecisionError) return fail(400, { message: cause.message });
      throw cause;
    }
  }
};
