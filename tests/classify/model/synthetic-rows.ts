/** Small synthetic labelled rows for the model tests (never the real datasets). */
import type { LabelledRow, Verdict } from '../../../src/lib/server/classify/model/dataset';
import type { Label } from '../../../src/lib/server/classify/types';

export function syntheticRow(
  id: string,
  source: string,
  text: string,
  labels: Partial<Record<Label, Verdict>>
): LabelledRow {
  return {
    id,
    source,
    text,
    labels: {
      toxicity: null,
      profanity: null,
      insult: null,
      threat: null,
      identity_attack: null,
      antisemitism: null,
      ...labels
    }
  };
}

const HOSTILE = ['vermin', 'scum', 'filth', 'parasites', 'subhuman', 'rats'];
const NEUTRAL = ['neighbours', 'colleagues', 'friends', 'voters', 'students', 'readers'];
const FILLER = [
  'the',
  'weather',
  'today',
  'article',
  'was',
  'long',
  'and',
  'about',
  'town',
  'news'
];

/**
 * A separable corpus: toxic rows call a group a hostile word, clean rows a neutral one;
 * antisemitism is judged only on source "beta" (null elsewhere), as in the real data.
 */
export function separableCorpus(size: number, seed = 1): LabelledRow[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (words: string[]) => words[Math.floor(next() * words.length)] as string;
  const rows: LabelledRow[] = [];
  for (let i = 0; i < size; i++) {
    const toxic = i % 3 === 0;
    const beta = i % 2 === 0;
    const filler = `${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`;
    const text = toxic
      ? `${filler} they are ${pick(HOSTILE)}`
      : `${filler} they are ${pick(NEUTRAL)}`;
    rows.push(
      syntheticRow(`${beta ? 'beta' : 'alpha'}:${i}`, beta ? 'beta' : 'alpha', text, {
        toxicity: toxic ? 1 : 0,
        antisemitism: beta ? (toxic ? 1 : 0) : null
      })
    );
  }
  return rows;
}
