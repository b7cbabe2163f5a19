/**
 * Every lexicon match in one text. The steps, each for a reason:
 *   1. normalise (evasion), tokenise (for the window rules), find echo candidates once;
 *   2. run every entry's expressions (or echo rule), keeping hits its context allows;
 *      each is tried only at the word starts its opening letters allow (gate.ts), found
 *      with one index lookup per word (key-index.ts);
 *   3. innocent entries (Rothschild Boulevard, 50 shekels, tribal council) silence the
 *      hits they overlap and hand fusion a dampen factor;
 *   4. a hit inside a longer hit that already carries its label is dropped, so `goyim`
 *      inside `the goyim know` is not counted twice;
 *   5. quoted, condemned or reported hits become mentions (counterspeech.ts);
 *   6. offsets go back to the original text.
 */
import type { Label, LabelScores } from '../types';
import type { CompiledEntry, CompiledLexicon } from './compile';
import { contextAllows, tokenise, type Token } from './context';
import { isMention, mentionWeights } from './counterspeech';
import { findEchoes, type EchoCandidate } from './echo';
import { gatedMatches } from './gate';
import { candidateStarts, keyIndexOf } from './key-index';
import type { Category } from './entries';
import { normalise, toOriginal, type NormalisedText } from './normalise';

export interface LexiconMatch {
  entryId: string;
  category: Category;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** The entry's weights, or a quarter of them for a mention. */
  weights: Partial<LabelScores>;
  /** The entry's heaviest label: what the span is shown under. */
  label: Label;
  explanation: string;
  /** Quoted, condemned or reported rather than used. */
  mention: boolean;
}

export interface InnocentUse {
  entryId: string;
  start: number;
  end: number;
  dampen: Partial<LabelScores>;
}

export interface LexiconAnalysis {
  matches: LexiconMatch[];
  innocent: InnocentUse[];
}

interface Hit {
  entry: CompiledEntry;
  start: number;
  end: number;
}

export function analyseText(lexicon: CompiledLexicon, text: string): LexiconAnalysis {
  const normalised = normalise(text);
  let tokens: Token[] | undefined; // only entries with context rules need them
  const index = keyIndexOf(lexicon.entries);
  const candidates = candidateStarts(index, normalised.text);
  let echoes: EchoCandidate[] | undefined;
  const hits: Hit[] = [];
  let firstExpression = 0; // the number key-index.ts gives the entry's first expression
  for (const entry of lexicon.entries) {
    const spans = entry.echo
      ? echoHits(entry, (echoes ??= findEchoes(normalised, text)))
      : expressionHits(entry, normalised.text, candidates, firstExpression);
    firstExpression += entry.expressions.length;
    for (const span of spans) {
      const allowed =
        !entry.context ||
        contextAllows(entry.context, (tokens ??= tokenise(normalised.text)), span.start, span.end);
      if (allowed) {
        hits.push({ entry, ...span });
      }
    }
  }
  const innocentHits = hits.filter((hit) => hit.entry.category === 'innocent');
  const kept = dropContained(
    hits.filter((hit) => hit.entry.category !== 'innocent' && !isSuppressed(hit, innocentHits))
  );
  return {
    matches: kept.map((hit) => toMatch(hit, normalised)).sort((a, b) => a.start - b.start),
    innocent: innocentHits.map((hit) => ({
      entryId: hit.entry.id,
      ...toOriginal(normalised, hit.start, hit.end),
      dampen: hit.entry.dampen
    }))
  };
}

/** Shared by the many entries that find nothing, so that they allocate nothing. */
const NO_SPANS: readonly { start: number; end: number }[] = [];

function expressionHits(
  entry: CompiledEntry,
  text: string,
  candidates: readonly (readonly number[] | undefined)[],
  firstExpression: number
): readonly { start: number; end: number }[] {
  let spans: { start: number; end: number }[] | undefined;
  let number = firstExpression;
  for (const gated of entry.expressions) {
    const found = gatedMatches(gated, text, candidates[number++]);
    if (found.length > 0) (spans ??= []).push(...found);
  }
  return spans ?? NO_SPANS;
}

function echoHits(entry: CompiledEntry, echoes: readonly EchoCandidate[]): EchoCandidate[] {
  const rule = entry.echo;
  if (!rule) return [];
  return echoes.filter(
    (echo) =>
      echo.inverted === rule.inverted &&
      echo.parens >= rule.minParens &&
      echo.parens <= rule.maxParens
  );
}

function isSuppressed(hit: Hit, innocentHits: readonly Hit[]): boolean {
  return innocentHits.some(
    (innocent) =>
      innocent.start < hit.end &&
      hit.start < innocent.end &&
      (innocent.entry.suppresses === null || innocent.entry.suppresses.has(hit.entry.id))
  );
}

function dropContained(hits: readonly Hit[]): Hit[] {
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.start <= hit.start &&
          hit.end <= other.end &&
          other.end - other.start > hit.end - hit.start &&
          other.entry.weights[hit.entry.strongestLabel] !== undefined
      )
  );
}

function toMatch(hit: Hit, normalised: NormalisedText): LexiconMatch {
  const { entry } = hit;
  // Profanity is profanity even when quoted; everything else can be a mention.
  const mention = entry.category !== 'profanity' && isMention(normalised.text, hit.start, hit.end);
  return {
    entryId: entry.id,
    category: entry.category,
    ...toOriginal(normalised, hit.start, hit.end),
    weights: mention ? mentionWeights(entry.weights) : entry.weights,
    label: entry.strongestLabel,
    explanation: entry.explanation,
    mention
  };
}
