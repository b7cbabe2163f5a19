/**
 * Every evasion of a slur or coded term still fires, and the span points at the
 * obfuscated original: `text.slice(start, end)` gives back exactly what the commenter
 * typed, even after emoji and other astral characters shift UTF-16 offsets.
 */
import { describe, expect, it } from 'vitest';
import { matchLexicon } from '../../../src/lib/server/classify/lexicon/component';

const PREFIXES = ['', 'look 👀🏳️‍🌈 𝒶𝓈 ', '日本語 🇮🇱 — '];

const OBFUSCATED: [string, string, string][] = [
  ['plain', 'kike', 'slur-kike'],
  ['uppercase', 'KIKE', 'slur-kike'],
  ['leetspeak', 'k1ke', 'slur-kike'],
  ['dots', 'k.i.k.e', 'slur-kike'],
  ['spaces', 'k i k e', 'slur-kike'],
  ['hyphens', 'k-i-k-e', 'slur-kike'],
  ['leet and separators', 'k_1_k_3', 'slur-kike'],
  ['repeated letters', 'kiiiiike', 'slur-kike'],
  ['Cyrillic homoglyphs', 'кіке', 'slur-kike'],
  ['zero-width characters', 'k\u200bi\u200dk\ufeffe', 'slur-kike'],
  ['fullwidth letters', 'ｋｉｋｅ', 'slur-kike'],
  ['a plural with doubled letters', 'jewws control the media', 'jews-control'],
  ['leet in a coded acronym', 'Z0G', 'zog'],
  ['spaced acronym', 'Z . O . G', 'zog'],
  ['a phrase with punctuation', 'the goyim know...', 'goyim-know'],
  ['a joined phrase', 'happymerchant', 'happy-merchant'],
  ['a hyphenated phrase', 'Happy-Merchant', 'happy-merchant'],
  ['digits kept as digits', '6 gorillion', 'six-gorillion'],
  ['a numeric code', '1488', 'numeric-1488'],
  ['a denial phrase', 'the Holocaust never happened', 'holocaust-never-happened'],
  [
    'a denial slogan with a curly apostrophe',
    'six million wasn’t enough',
    'six-million-wasnt-enough'
  ],
  ['a hoax coinage in leet', 'h0l0h0ax', 'holohoax'],
  ['a dual-loyalty phrase', 'loyalty is to Israel', 'dual-loyalty'],
  ['an Israel-first smear', 'Israel firsters', 'dual-loyalty'],
  ['a profanity with an asterisk', 'f*ck', 'profanity-fuck'],
  ['a profanity in leet', 'sh1t', 'profanity-shit'],
  ['a profanity with dollar signs', 'a$$', 'profanity-anatomy'],
  ['a stretched profanity', 'fuuuuuck', 'profanity-fuck'],
  ['a direct insult', 'you idiot', 'insult-direct'],
  ['a threat', 'should be hanged', 'threat-violence']
];

describe('obfuscated forms fire with a span on the original text', () => {
  for (const prefix of PREFIXES) {
    it.each(OBFUSCATED)(`%s (prefix ${JSON.stringify(prefix)})`, (_, term, entryId) => {
      const text = `${prefix}${term} and more words`;
      const match = matchLexicon(text).find((found) => found.entryId === entryId);
      expect(match, `${entryId} in ${text}`).toBeDefined();
      expect(text.slice(match?.start, match?.end)).toBe(term.replace(/\.\.\.$/, ''));
    });
  }
});

describe('word boundaries', () => {
  it.each([
    ['a slur inside a longer word', 'the skikers went out'],
    ['a profane substring', 'Scunthorpe and Essex and classic assets'],
    ['a coded acronym inside a word', 'zogging is not a word'],
    ['a short form inside a word', 'the heebie-jeebies and the hymnals']
  ])('%s does not fire', (_, text) => {
    expect(matchLexicon(text)).toEqual([]);
  });
});
