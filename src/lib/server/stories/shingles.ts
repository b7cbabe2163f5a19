/**
 * The two feature sets a story fingerprint is computed over.
 *
 * - Word shingles (every run of SHINGLE_WORDS consecutive words) find copies: a syndicated
 *   reprint shares most of its 5-word runs with the original even after the site's own
 *   boilerplate and a few edits, while two independently written texts share almost none.
 * - Story terms (the distinct content words of title and body) find coverage: outlets that
 *   write the same news in their own words still name the same people, places and things.
 */
import { normaliseWords } from './normalise';

export const SHINGLE_WORDS = 5;

export function wordShingles(words: readonly string[], size = SHINGLE_WORDS): Set<string> {
  const shingles = new Set<string>();
  // A text shorter than one shingle is its own single shingle, so it still has a fingerprint.
  if (words.length > 0 && words.length < size) shingles.add(words.join(' '));
  for (let start = 0; start + size <= words.length; start++) {
    shingles.add(words.slice(start, start + size).join(' '));
  }
  return shingles;
}

/**
 * Function words of English, German and French news prose, plus the reporting verbs every
 * story uses: they say nothing about which story a text tells.
 */
const STOP_WORDS = new Set(
  (
    'the and for that with this from was were are has have had not but his her its their ' +
    'they them she him who whom which what when where why how all any some than then there ' +
    'these those been being would could should will can may might must also into over ' +
    'about after before during while our out one two new more most other such only just ' +
    'said says say told according reported reports added asked very like even ' +
    'der die das und den dem des ein eine einer nicht mit von sich auf für ist sie zu ' +
    'les des une est pas que qui dans pour sur avec par aux ses'
  ).split(' ')
);

/** Three letters at least: shorter words are mostly function words or initials. */
const MIN_TERM_LENGTH = 3;

export function storyTerms(words: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const word of words) {
    if (word.length < MIN_TERM_LENGTH || STOP_WORDS.has(word)) continue;
    terms.add(word);
  }
  return terms;
}

/** Both sets of one article; the title counts as text of the story too. */
export function articleFeatures(article: { title: string | null; body: string }): {
  shingles: Set<string>;
  terms: Set<string>;
} {
  const bodyWords = normaliseWords(article.body);
  const titleWords = normaliseWords(article.title ?? '');
  return {
    shingles: wordShingles(bodyWords),
    terms: storyTerms([...titleWords, ...bodyWords])
  };
}
