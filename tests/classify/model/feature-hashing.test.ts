/** Normalisation and hashed n-gram features: deterministic, unit length, evidence kept. */
import { describe, expect, it } from 'vitest';
import { hashFeatures, hashRange } from '../../../src/lib/server/classify/model/feature-hashing';
import {
  normaliseForFeatures,
  tokenise
} from '../../../src/lib/server/classify/model/text-normalise';

const asMap = (text: string, bits = 18) => {
  const { indices, values } = hashFeatures(text, { bits, charMin: 3, charMax: 5 });
  return new Map(Array.from(indices, (index, k) => [index, values[k]]));
};

describe('normaliseForFeatures', () => {
  it('replaces links, mentions and retweet markers with shared tokens', () => {
    expect(normaliseForFeatures('RT @Some_One: look https://t.co/xyz &amp; WOW')).toBe(
      '_rt_ _user_ : look _url_ & wow'
    );
  });

  it('keeps punctuation runs such as the echo as tokens and shortens letter floods', () => {
    expect(tokenise(normaliseForFeatures('(((Cohen))) is sooooo bad!!!!!'))).toEqual([
      '(((',
      'cohen',
      ')))',
      'is',
      'sooo',
      'bad',
      '!!!'
    ]);
  });
});

describe('hashFeatures', () => {
  it('gives the same vector for the same text, every time', () => {
    expect(asMap('You people are all the same')).toEqual(asMap('You people are all the same'));
    expect(hashRange('abc', 0, 3, 1)).toBe(hashRange('xabcx', 1, 4, 1));
  });

  it('is unit length with indices inside the hashing width', () => {
    const { indices, values } = hashFeatures('a perfectly ordinary comment', {
      bits: 10,
      charMin: 3,
      charMax: 5
    });
    expect(Math.hypot(...values)).toBeCloseTo(1, 5);
    for (const index of indices) expect(index).toBeLessThan(1024);
    expect(new Set(indices).size).toBe(indices.length);
  });

  it('ignores case and link targets but not the words', () => {
    expect(asMap('GO HOME http://a.example')).toEqual(asMap('go home https://b.example/x'));
    expect(asMap('go home')).not.toEqual(asMap('go away'));
  });

  it('tells the echo apart from plain parentheses', () => {
    expect(asMap('(((Cohen)))')).not.toEqual(asMap('(Cohen)'));
  });

  it('gives an empty text an empty vector', () => {
    expect(hashFeatures('   ').indices).toHaveLength(0);
  });
});
