/**
 * Scored comments for the moderation tests, written through the real path: stored, queued,
 * and classified by runWorker with a classifier that reads its scores from the text.
 * `toxicity=0.7 antisemitism=0.9` scores those labels (others 0), flags those at or over
 * 0.5, and gives a span with a reason per marker, as the lexicon gives one per match.
 */
import type { Kysely } from 'kysely';
import { enqueueCommentsOfArticle, runWorker } from '../../src/lib/server/classify/jobs';
import {
  isLabel,
  LABELS,
  type Classification,
  type Classifier,
  type LabelScores,
  type Span
} from '../../src/lib/server/classify/types';
import { listCommentsOfArticle, type NewComment } from '../../src/lib/server/corpus';
import type { Schema } from '../../src/lib/server/db/schema';
import { storeArticle } from './corpus-factories';

const THRESHOLD = 0.5;

export function markerClassifier(): Classifier {
  const versions = { lexicon: 'marker-lexicon@1' };
  const thresholds = Object.fromEntries(LABELS.map((label) => [label, THRESHOLD])) as LabelScores;
  return {
    versions,
    thresholds,
    classify: async (texts) => texts.map((text) => classifyMarkers(text, versions))
  };
}

function classifyMarkers(text: string, versions: Record<string, string>): Classification {
  const scores = Object.fromEntries(LABELS.map((label) => [label, 0])) as LabelScores;
  const spans: Span[] = [];
  for (const match of text.matchAll(/([a-z_]+)=([01](?:\.\d+)?)/g)) {
    const [marker, label = '', score = '0'] = match;
    if (!isLabel(label)) continue;
    scores[label] = Number(score);
    spans.push({
      start: match.index,
      end: match.index + marker.length,
      label,
      reason: `means ${label}`
    });
  }
  return { scores, flagged: LABELS.filter((label) => scores[label] >= THRESHOLD), spans, versions };
}

export interface ScoredComment {
  text: string;
  author?: string | null;
  /** Index in the same list of the comment replied to. */
  parent?: number;
}

let stored = 0;

/** An article with these comments, all classified; returns the comment ids in order. */
export async function storeScoredArticle(
  db: Kysely<Schema>,
  comments: readonly ScoredComment[],
  { title, outlet = 'Test Outlet' }: { title?: string; outlet?: string } = {}
): Promise<{ articleId: number; commentIds: number[] }> {
  stored += 1;
  const { articleId } = await storeArticle(db, {
    title: title ?? `scored article ${stored}`,
    comments: comments.map((comment): NewComment => ({
      author: comment.author === undefined ? 'anon' : comment.author,
      postedAt: null,
      postedAtRaw: null,
      parent: comment.parent ?? null,
      text: comment.text
    }))
  });
  await db.updateTable('articles').set({ outlet }).where('id', '=', articleId).execute();
  await enqueueCommentsOfArticle(db, articleId);
  await runWorker({ db, classifier: markerClassifier(), untilDrained: true, batchSize: 64 });
  const rows = await listCommentsOfArticle(db, articleId);
  return { articleId, commentIds: rows.map((row) => row.id) };
}
