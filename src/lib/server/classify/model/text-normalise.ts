/**
 * Text as the n-gram features see it. Tweets and forum posts differ in noise that says
 * nothing about toxicity (which user is mentioned, which link), so those become shared
 * tokens; punctuation runs are kept because some are evidence (the `(((echo)))`, `!!!`).
 */

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu;
const RETWEET = /(^|\s)rt(?=\s|:|$)/gu;
const HTML_ENTITY = /&(amp|lt|gt|quot|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]/gu;
/** "soooo" and "soo" should share features; three repeats keep emphasis visible. */
const LONG_REPEAT = /(.)\1{3,}/gu;

export function normaliseForFeatures(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(HTML_ENTITY, (_, name: string) => ENTITIES[name] ?? '')
    .toLowerCase()
    .replace(URL, ' _url_ ')
    .replace(MENTION, '$1 _user_ ')
    .replace(RETWEET, '$1_rt_')
    .replace(LONG_REPEAT, '$1$1$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Words (letters, digits, apostrophes, `_`) and runs of other non-space characters. */
const TOKEN = /[\p{L}\p{N}_']+|[^\s\p{L}\p{N}_']+/gu;

export function tokenise(normalised: string): string[] {
  return normalised.match(TOKEN) ?? [];
}
