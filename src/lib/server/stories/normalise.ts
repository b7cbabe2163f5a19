/**
 * Article text as the story fingerprints see it: a list of words. Outlets reprint one story
 * with different typography (curly or straight quotes, dashes, ligatures, accents dropped
 * or kept, line breaks), so all of that is folded away; only the words and their order stay.
 */

/** Combining marks left after NFKD: "café" and "cafe" are one word. */
const COMBINING_MARKS = /\p{M}+/gu;
/** Apostrophes inside words: "Trump’s" and "Trump's" (and "Trumps") are one word. */
const APOSTROPHES = /['’‘ʼ`´]/gu;
/** Anything that is not a letter or digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export function normaliseWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .trim();
  return folded === '' ? [] : folded.split(' ');
}
