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

  it('keeps one start and end per normalised unit', () => {
    const normalised = normalise('ß æ ﬁ k.i.k.e');
    expect(normalised.starts).toHaveLength(normalised.text.length);
    expect(normalised.ends).toHaveLength(normalised.text.length);
  });
});
