/**
 * The key index must hand every expression exactly the word starts the per-expression
 * gate would have tried (a reference copy of that gate lives below), and a skipped word
 * start must never be one where the expression matches: evasions of every form are
 * checked against a full scan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedLexicon } from '../../../src/lib/server/classify/lexicon/component';
import { gatedMatches, type GatedExpression } from '../../../src/lib/server/classify/lexicon/gate';
import {
  buildKeyIndex,
  candidateStarts,
  keyIndexOf
} from '../../../src/lib/server/classify/lexicon/key-index';
import { normalise } from '../../../src/lib/server/classify/lexicon/normalise';
import lexiconFile from '../../../models/lexicon/lexicon.json';

/** The gate as it was before the index: a map of word-start prefixes, per text. */
function referenceStarts(text: string): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const squeezed = match[0].slice(0, 12).replace(/(\p{L})\1+/gu, '$1');
    for (let length = 1; length <= 3 && length <= squeezed.length; length++) {
      const prefix = squeezed.slice(0, length);
      starts.set(prefix, [...(starts.get(prefix) ?? []), match.index]);
    }
  }
  return starts;
}

function referenceCandidates(keys: readonly string[], starts: Map<string, number[]>): number[] {
  const positions = keys.flatMap((key) => starts.get(key) ?? []);
  return [...new Set(positions)].sort((a, b) => a - b);
}

const lexicon = shippedLexicon();
const index = keyIndexOf(lexicon.entries);
const forms: string[] = lexiconFile.entries.flatMap((entry) => entry.forms ?? []);

function expectSameAsReference(input: string): void {
  const text = normalise(input).text;
  const candidates = candidateStarts(index, text);
  const starts = referenceStarts(text);
  index.expressions.forEach((gated, number) => {
    if (gated.keys === null) return;
    expect(candidates[number] ?? [], `${gated.expression.source} in ${text}`).toEqual(
      referenceCandidates(gated.keys, starts)
    );
  });
}

/** Same matches as scanning the whole text, for every expression. */
function expectSameAsFullScan(input: string): void {
  const text = normalise(input).text;
  const candidates = candidateStarts(index, text);
  index.expressions.forEach((gated, number) => {
    const scanned = gatedMatches({ ...gated, keys: null }, text, undefined);
    expect(gatedMatches(gated, text, candidates[number]), `${gated.expression.source}`).toEqual(
      scanned
    );
  });
}

const EVASIONS: [string, (form: string) => string][] = [
  ['plain', (form) => form],
  ['uppercase', (form) => form.toUpperCase()],
  ['title case', (form) => form.replace(/\b\w/g, (c) => c.toUpperCase())],
  ['stretched', (form) => form.replace(/[a-z]/g, (c) => c + c + c)],
  ['leet', (form) => form.replace(/[oie]/g, (c) => ({ o: '0', i: '1', e: '3' })[c] ?? c)],
  ['spelled out', (form) => form.split('').join('.')],
  ['homoglyphs', (form) => form.replace(/[aeo]/g, (c) => ({ a: 'а', e: 'е', o: 'ο' })[c] ?? c)],
  ['zero-width', (form) => form.split('').join('\u200b')],
  ['echo', (form) => `(((${form})))`],
  ['inverted echo', (form) => `))) ${form} (((`],
  ['accented', (form) => form.replace(/e/g, 'é')]
];

describe('key index', () => {
  it('gives an expression the word starts its keys open, squeezed and ASCII only', () => {
    const gated: GatedExpression = {
      expression: /kike/gu,
      anchored: /kike/uy,
      keys: ['kik', '14']
    };
    const own = buildKeyIndex([gated]);
    const text = normalise('the KIIIKE kite k1ke 1488 кike kik').text;
    expect(candidateStarts(own, text)[0]).toEqual([4, 16, 21, 26, 31]);
    expect(candidateStarts(own, 'nothing here')[0]).toBeUndefined();
    // Like the old gate, only a word's first 12 units are squeezed.
    expect(candidateStarts(own, 'kiiiiiiiiiike kiiiiiiiiiiike')[0]).toEqual([0]);
  });

  it('scans the whole text for expressions without usable keys', () => {
    const keyless: GatedExpression = { expression: /x/gu, anchored: /x/uy, keys: null };
    const nonAscii: GatedExpression = { expression: /é/gu, anchored: /é/uy, keys: ['é'] };
    expect(buildKeyIndex([keyless, nonAscii]).scanned).toEqual([0, 1]);
  });

  it('matches the per-expression gate on random text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(...forms, ' ', '.', '(((', ')))', 'kkkkkkkkkkkkkkike', 'é', '😀', 'к', '1')
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        expectSameAsReference(pieces.join(''));
        expectSameAsReference(pieces.join(' '));
      }),
      { numRuns: 300 }
    );
  });

  it.each(EVASIONS)('never skips a start where an expression matches: %s forms', (_, evade) => {
    // A few forms to a text keeps the full scans cheap without letting matches overlap much.
    for (let first = 0; first < forms.length; first += 8) {
      const text = forms
        .slice(first, first + 8)
        .map((form) => `so ${evade(form)} and ${evade(form)}s, said they`)
        .join('\n');
      expectSameAsReference(text);
      expectSameAsFullScan(text);
    }
  });

  it('finds every plain form through its own entry', () => {
    const missing = lexicon.entries.flatMap((entry, entryNumber) => {
      const first = lexicon.entries
        .slice(0, entryNumber)
        .reduce((count, earlier) => count + earlier.expressions.length, 0);
      const own = lexiconFile.entries.find((raw) => raw.id === entry.id)?.forms ?? [];
      return own.filter((form) => {
        const text = normalise(`they said ${form} today`).text;
        const candidates = candidateStarts(index, text);
        return !entry.expressions.some(
          (gated, offset) => gatedMatches(gated, text, candidates[first + offset]).length > 0
        );
      });
    });
    expect(missing).toEqual([]);
  });
});
