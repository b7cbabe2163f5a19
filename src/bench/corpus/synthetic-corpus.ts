/**
 * The benchmark's synthetic corpus, deterministic from a seed: `articles` news articles (1–6
 * outlets cover each story in their own words, within two days; see stories.ts) with
 * `comments` comments spread over them unevenly. Comment lengths are log-normal (median ~22 words, 5–120), about TOXIC_RATE of
 * them rude and CODED_RATE carrying a coded antisemitic phrase from the lexicon; about
 * REPLY_RATE answer an earlier comment. Every article is generated from (seed, index) alone,
 * so a stage can stream the corpus without holding it, and any article can be regenerated.
 */
import { createRandom, mixSeed, type Random } from './random';
import { publicationTime, storyHeadline, storyOf, storyParagraphs } from './stories';
import {
  ABUSE,
  CLAUSES,
  CLOSERS,
  CODED,
  FIRST_NAMES,
  HANDLE_STEMS,
  LAST_NAMES,
  OPENERS,
  OUTLETS
} from './vocabulary';

export const TOXIC_RATE = 0.04;
export const CODED_RATE = 0.01;
export const REPLY_RATE = 0.3;
const MIN_WORDS = 5;
const MAX_WORDS = 120;

export interface CorpusShape {
  seed: number;
  comments: number;
  articles: number;
}

export type CommentKind = 'civil' | 'toxic' | 'coded';

export interface SyntheticComment {
  author: string;
  postedAt: Date;
  text: string;
  kind: CommentKind;
  /** The index (in this article) of the comment it answers; null for a top-level one. */
  replyTo: number | null;
}

export interface SyntheticArticle {
  index: number;
  outlet: string;
  title: string;
  byline: string;
  publishedAt: Date;
  paragraphs: string[];
  comments: SyntheticComment[];
}

/** Comments per article, uneven (log-normal weights) but summing to shape.comments exactly. */
export function commentCounts({ seed, comments, articles }: CorpusShape): number[] {
  if (articles < 1 || comments < articles)
    throw new Error(`Need at least one comment per article (${comments} over ${articles})`);
  const random = createRandom(mixSeed(seed, 0));
  const weights = Array.from({ length: articles }, () => random.logNormal(1, 0.8));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const spare = comments - articles; // every article gets one; the rest by weight
  const counts = weights.map((weight) => 1 + Math.floor((weight / total) * spare));
  let left = comments - counts.reduce((sum, count) => sum + count, 0);
  for (let index = 0; left > 0; index = (index + 1) % articles, left--) counts[index]! += 1;
  return counts;
}

export function* syntheticCorpus(shape: CorpusShape): Generator<SyntheticArticle> {
  const counts = commentCounts(shape);
  for (let index = 0; index < counts.length; index++)
    yield syntheticArticle(shape.seed, index, counts[index]!);
}

export function syntheticArticle(seed: number, index: number, comments: number): SyntheticArticle {
  const story = storyOf(seed, index);
  const storyRandom = createRandom(mixSeed(seed, 1, index));
  const { subject } = story;
  const paragraphs = storyParagraphs(story, storyRandom);
  const publishedAt = publicationTime(story, storyRandom);

  const random = createRandom(mixSeed(seed, 2, index));
  const outlet = OUTLETS[(story.id + story.part) % OUTLETS.length]!;
  const byline = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  // The article number keeps every page distinct (ingest skips identical bytes).
  const title = `${storyHeadline(story, storyRandom)} (${index + 1})`;
  let postedAt = publishedAt.getTime();
  const thread: SyntheticComment[] = [];
  for (let position = 0; position < comments; position++) {
    postedAt += random.int(1, 90) * 60_000;
    const kind: CommentKind = random.chance(CODED_RATE)
      ? 'coded'
      : random.chance(TOXIC_RATE)
        ? 'toxic'
        : 'civil';
    const replyTo =
      position > 0 && random.chance(REPLY_RATE)
        ? random.int(Math.max(0, position - 10), position - 1)
        : null;
    thread.push({
      author: authorName(random),
      postedAt: new Date(postedAt),
      text: commentText(random, kind, subject),
      kind,
      replyTo
    });
  }
  return { index, outlet, title, byline, publishedAt, paragraphs, comments: thread };
}

/** A handle from a pool large enough that authors recur across articles, or a full name. */
function authorName(random: Random): string {
  return random.chance(0.6)
    ? `${random.pick(HANDLE_STEMS)}${random.int(1, 4000)}`
    : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function commentText(random: Random, kind: CommentKind, subject: string): string {
  const target = Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, random.logNormal(22, 0.75))));
  const sentences: string[] = [];
  let words = 0;
  if (target < 9) {
    sentences.push(random.pick(CLOSERS));
    words = wordCount(sentences[0]!);
  }
  while (words < target) {
    const next = random.chance(0.2)
      ? sentence(`${random.pick(OPENERS)} ${subject} is the problem`)
      : sentence(`${random.pick(OPENERS)} ${random.pick(CLAUSES)}`);
    sentences.push(next);
    words += wordCount(next);
  }
  if (kind !== 'civil') {
    const phrase = sentence(random.pick(kind === 'coded' ? CODED : ABUSE));
    sentences.splice(random.int(0, sentences.length), 0, phrase);
  }
  return sentences.join(' ');
}

function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function wordCount(text: string): number {
  return text.split(' ').length;
}
