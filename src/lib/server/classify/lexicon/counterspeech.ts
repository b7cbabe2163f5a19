/**
 * Counter-speech and reporting: a term that is quoted, named as a slur, condemned or
 * reported ("calling people kikes is disgusting", "the ADL reported a rise in posts
 * saying ZOG") is mentioned, not used. A mention still matches, so the moderator sees the
 * span, but it weighs a quarter of a use and asks fusion to damp the model's score on the
 * same labels, because toxicity models notoriously flag the people who push back.
 *
 * The cues are deliberately narrow phrases around the match, not single words like
 * "antisemitic": hateful comments often open with "I'm not antisemitic, but".
 */
import type { LabelScores } from '../types';

/** A mention's weights are multiplied by this. */
export const MENTION_WEIGHT_FACTOR = 0.25;
/** Fusion multiplies the model's score by this on a mention's labels. */
export const MENTION_DAMPEN = 0.6;

const LOOK_BEHIND_CHARS = 90;
const LOOK_AHEAD_CHARS = 70;

const TERM_WORDS =
  '(?:word|words|term|terms|slur|slurs|phrase|symbol|meme|trope|tropes|canard|dog ?whistles?|insult|epithet)';
const HATE_WORDS = '(?:antisemitic|anti-semitic|racist|hateful|bigoted|neo-nazi|nazi)';

/** Cues that end right before the match. */
const BEFORE: readonly RegExp[] = [
  /\b(?:calling|call|called|calls) (?:people|someone|somebody|them|him|her|jews|others|anyone|a person|us|me|you)\s*["']?\s*$/,
  /\b(?:don'?t|do not|never|stop|quit|shouldn'?t|should not|mustn'?t|not ok to|not okay to) (?:call|calling|say|saying|use|using|write|writing|post|posting|shout|shouting|chant|chanting)\b/,
  new RegExp(
    `\\b(?:the|this|that|a|an|of|like) (?:${HATE_WORDS} )?${TERM_WORDS}\\W*(?:of |for |like )?\\W*$`
  ),
  /\bso-?called\W*$/,
  /\b(?:adl|anti-defamation league|splc|ihra|hope not hate|community security trust|researchers?|watchdogs?|monitors?)\b/,
  /\b(?:reported|documented|recorded|tracked|logged) (?:a |an )?(?:rise|increase|surge|spike|wave|number)\b/,
  /\b(?:posts?|tweets?|comments?|accounts?|messages?|graffiti|banners?|flyers?|leaflets?|signs?|chants?|slogans?|users?) (?:saying|that say|that said|reading|that read|using|that use|calling|containing|featuring|with the)\b/,
  /\b(?:condemn\w*|denounc\w*|shame on|fight(?:ing)? against|standing up to)\b/
];

/** Cues that start right after the match. */
const AFTER: readonly RegExp[] = [
  new RegExp(
    `^\\W*(?:is|are|was|were|'s|remains?) (?:a |an |just |still |an old |a vile |a classic )?` +
      `(?:slur|slurs|disgusting|vile|hateful|offensive|unacceptable|racist|antisemitic|anti-semitic|` +
      `bigoted|bigotry|sickening|abhorrent|hate speech|a lie|a myth|a smear|${TERM_WORDS}|` +
      `${HATE_WORDS} ${TERM_WORDS}|conspiracy theor)`
  ),
  new RegExp(`^\\W*(?:${HATE_WORDS} )?(?:${TERM_WORDS}|conspiracy theor|smear|myth)`)
];

const QUOTES = new Set(['"', "'"]);

/** True when the match at normalised [start, end) is quoted, condemned or reported. */
export function isMention(normalisedText: string, start: number, end: number): boolean {
  const before = normalisedText.slice(Math.max(0, start - LOOK_BEHIND_CHARS), start);
  const after = normalisedText.slice(end, end + LOOK_AHEAD_CHARS);
  if (QUOTES.has(before.at(-1) ?? '') && QUOTES.has(after.at(0) ?? '')) return true;
  return BEFORE.some((cue) => cue.test(before)) || AFTER.some((cue) => cue.test(after));
}

/** The weights a mention carries. */
export function mentionWeights(weights: Partial<LabelScores>): Partial<LabelScores> {
  const scaled: Partial<LabelScores> = {};
  for (const [label, weight] of Object.entries(weights) as [keyof LabelScores, number][]) {
    scaled[label] = weight * MENTION_WEIGHT_FACTOR;
  }
  return scaled;
}
