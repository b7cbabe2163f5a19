/**
 * Normalisation folds evasions into plain lowercase words while every normalised unit
 * still points back to the original UTF-16 range it came from.
 */
import { describe, expect, it } from 'vitest';
import { normalise, toOriginal } from '../../../src/lib/server/classify/lexicon/normalise';

describe('normalise', () => {
  it.each([
    ['case', 'KiKe', 'kike'],
    ['leetspeak inside a word', 'k1ke z0g h0l0h0ax', 'kike zog holohoax'],
    ['a leading $ or digit', '$hit 5hit', 'shit shit'],
    ['trailing $ signs', 'a$$', 'ass'],
    ['a trailing single digit', 'h3ll0', 'hello'],
    ['dots between single letters', 'k.i.k.e', 'kike'],
    ['spaces between single letters', 'k i k e s', 'kikes'],
    ['hyphens and leet between single letters', 'k-1-k-e', 'kike'],
    ['zero-width characters', 'k\u200bi\u200ck\u2060e', 'kike'],
    ['Cyrillic look-alikes', 'кіке', 'kike'],
    ['Greek look-alikes', 'ΖΟG', 'zog'],
    ['fullwidth letters', 'ｋｉｋｅ', 'kike'],
    ['diacritics', 'kïkè', 'kike'],
    ['curly apostrophes', 'wasn’t', "wasn't"]
  ])('folds %s', (_, input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  // Most comments skip the leet and spelled-out passes on a cheap test of the folded text;
  // each separator, and text that is ASCII only once folded, must still reach them.
  it.each([
    ['tabs', 'the k\ti\tk\te', 'the kike'],
    ['underscores', 'k_i_k_e', 'kike'],
    ['asterisks', 'k*i*k*e', 'kike'],
    ['pipes', 'k|i|k|e', 'kike'],
    ['slashes', 'k/i/k/e', 'kike'],
    ['backslashes', 'k\\i\\k\\e', 'kike'],
    ['tildes', 'k~i~k~e', 'kike'],
    ['plus signs', 'k+i+k+e', 'kike'],
    ['colons', 'k:i:k:e', 'kike'],
    ['three separators', 'z - o - g', 'zog'],
    ['leet singles', '$ h 1 t', 'shit'],
    ['non-breaking spaces', 'the\u00a0k i k e', 'the kike'],
    ['non-breaking spaces as separators', 'z\u00a0o\u00a0g', 'zog'],
    ['a curly quote elsewhere', '“k.i.k.e”', '"kike"'],
    ['leet beside a non-breaking space', 'k1ke\u00a0z0g', 'kike zog'],
    ['leet from a fullwidth digit', 'k１ke', 'kike'],
    ['an exclamation mark inside a word', 'sh!t', 'shit'],
    ['an at sign inside a word', 'h@ck', 'hack']
  ])('joins or converts with %s', (_, input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it.each([
    ['a bare number', '1488', '1488'],
    ['a number before a word', '6 gorillion', '6 gorillion'],
    ['a long number prefix', '14words', '14words'],
    ['a long number suffix', 'heil88', 'heil88'],
    ['an exclamation mark after a word', 'fuck!', 'fuck!'],
    ['two initials', 'J. K. Rowling', 'j. k. rowling'],
    ['ordinary words', 'a cat is on a mat', 'a cat is on a mat']
  ])('leaves %s alone', (_, input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it('maps normalised ranges back to original UTF-16 offsets, astral characters included', () => {
    const original = '😀 𝐤.1.k\u200b.e!';
    const normalised = normalise(original);
    expect(normalised.text).toBe('😀 kike!');
    const at = normalised.text.indexOf('kike');
    const span = toOriginal(normalised, at, at + 4);
    expect(original.slice(span.start, span.end)).toBe('𝐤.1.k\u200b.e');
  });

  // Folding takes a one-for-one shortcut when every non-ASCII character folds to one unit.
  it.each([
    [
      'one-unit folds only',
      'A\u00a0“B”—é',
      'a "b"-e',
      [0, 1, 2, 3, 4, 5, 6],
      [1, 2, 3, 4, 5, 6, 7]
    ],
    ['a two-unit fold', 'Aß\u00a0b', 'ass b', [0, 1, 1, 2, 3], [1, 2, 2, 3, 4]],
    ['an invisible character', 'a\u200bB\u00a0', 'ab ', [0, 2, 3], [1, 3, 4]],
    ['an astral character', '𝐤\u00a0A', 'k a', [0, 2, 3], [2, 3, 4]]
  ])('maps offsets with %s', (_, input, text, starts, ends) => {
    expect(normalise(input)).toEqual({ text, starts, ends });
  });

  it('keeps one start and end per normalised unit', () => {
    const normalised = normalise('ß æ ﬁ k.i.k.e');
    expect(normalised.starts).toHaveLength(normalised.text.length);
    expect(normalised.ends).toHaveLength(normalised.text.length);
  });
});
