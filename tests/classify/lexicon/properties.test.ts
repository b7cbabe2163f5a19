/**
 * Properties over random text: whatever a commenter types, spans stay inside the text,
 * are non-empty, and never cut a surrogate pair; the offset map is monotone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchLexicon,
  scoreText,
  shippedLexicon
} from '../../../src/lib/server/classify/lexicon/component';
import { normalise } from '../../../src/lib/server/classify/lexicon/normalise';

/** Pieces that exercise the matchers: terms, evasions, parentheses, invisibles, emoji. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    'kike',
    'k1ke',
    'k.i.k.e',
    'zog',
    'shekels',
    'goyim',
    'know',
    'fuck',
    'sh1t',
    'jews',
    'control',
    'the',
    'media',
    '(((',
    ')))',
    '((',
    '))',
    ' ',
    '.',
    '-',
    '\u200b',
    '😀',
    '🏳️‍🌈',
    'к',
    'ο',
    '1488',
    '6',
    'gorillion',
    '"',
    'is disgusting',
    'Rothschild',
    'Boulevard',
    '50',
    '=',
    '+',
    'f('
  )
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

describe('lexicon properties', () => {
  it('puts every span inside the text with start < end, on code point boundaries', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 200 })), (input) => {
        const result = scoreText(input);
        for (const span of result.spans) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(input.length);
          expect(span.start).toBeLessThan(span.end);
          expect(isLowSurrogate(input.charCodeAt(span.start))).toBe(false);
        }
        for (const score of Object.values(result.scores)) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        }
        for (const factor of Object.values(result.dampen ?? {})) {
          expect(factor).toBeGreaterThan(0);
          expect(factor).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 }
    );
  });

  it('finds the same matches with the word-start gate as with full scans', () => {
    const shipped = shippedLexicon();
    const ungated = {
      ...shipped,
      entries: shipped.entries.map((entry) => ({
        ...entry,
        expressions: entry.expressions.map((gated) => ({ ...gated, keys: null }))
      }))
    };
    fc.assert(
      fc.property(text, (input) => {
        expect(matchLexicon(input, shipped)).toEqual(matchLexicon(input, ungated));
      }),
      { numRuns: 300 }
    );
  });

  // ASCII text converts leet run by run on the string; other text on an array of units.
  it('converts leet the same on ASCII text as on text that also holds non-ASCII', () => {
    const asciiText = fc.string({ unit: fc.constantFrom(...'ahiks0135$@!.-_ '), maxLength: 40 });
    fc.assert(
      fc.property(asciiText, (input) => {
        expect(normalise(`${input} →`).text).toBe(`${normalise(input).text} →`);
      }),
      { numRuns: 500 }
    );
  });

  it('maps every normalised unit to a non-empty, non-decreasing original range', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { text: normalised, starts, ends } = normalise(input);
        expect(starts).toHaveLength(normalised.length);
        for (let i = 0; i < normalised.length; i++) {
          expect(starts[i]).toBeLessThan(ends[i] ?? -1);
          if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] ?? Infinity);
        }
      }),
      { numRuns: 300 }
    );
  });
});
