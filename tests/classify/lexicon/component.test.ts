/**
 * The component's contract: kind and version, one result per text in order, noisy-OR
 * scores, spans that explain them, and a lexicon that can be recompiled with edits.
 */
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/lib/server/classify/lexicon/compile';
import {
  createLexiconComponent,
  matchLexicon,
  scoreText
} from '../../../src/lib/server/classify/lexicon/component';
import {
  applyLexiconEdits,
  loadShippedLexicon
} from '../../../src/lib/server/classify/lexicon/entries';
import { LABELS } from '../../../src/lib/server/classify/types';

const file = loadShippedLexicon();
const weightOf = (id: string, label: 'antisemitism' | 'profanity'): number =>
  file.entries.find((entry) => entry.id === id)?.weights[label] ?? NaN;

describe('createLexiconComponent', () => {
  it('names its kind and the lexicon version', () => {
    const component = createLexiconComponent();
    expect(component.kind).toBe('lexicon');
    expect(component.version).toBe(`threadwatch-lexicon@${file.version}`);
  });

  it('returns one result per text, in order, with every label scored', async () => {
    const texts = ['hello there', 'k1ke', '', 'what the fuck'];
    const results = await createLexiconComponent().scoreBatch(texts);
    expect(results).toHaveLength(4);
    for (const result of results)
      expect(Object.keys(result.scores).sort()).toEqual([...LABELS].sort());
    expect(results.map((result) => result.scores.antisemitism)).toEqual([0, 0.95, 0, 0]);
    expect(results[3]?.scores.profanity).toBeGreaterThan(0.9);
  });

  it('combines different entries by noisy-OR and counts a repeated entry once', () => {
    const zog = weightOf('zog', 'antisemitism');
    const kike = weightOf('slur-kike', 'antisemitism');
    expect(scoreText('ZOG ZOG ZOG').scores.antisemitism).toBeCloseTo(zog, 10);
    expect(scoreText('ZOG and kikes').scores.antisemitism).toBeCloseTo(
      1 - (1 - zog) * (1 - kike),
      10
    );
  });

  it('gives each span the entry id, its heaviest label and its explanation', () => {
    const text = '👋 the goyim know';
    const [span] = scoreText(text).spans;
    expect(span?.entryId).toBe('goyim-know');
    expect(span?.label).toBe('antisemitism');
    expect(span?.reason).toBe(file.entries.find((entry) => entry.id === 'goyim-know')?.explanation);
    expect(text.slice(span?.start, span?.end)).toBe('the goyim know');
  });

  it('drops a term inside a longer match of the same meaning', () => {
    expect(matchLexicon('the goyim know').map((match) => match.entryId)).toEqual(['goyim-know']);
  });

  it('gives a text that matches nothing every label at 0, no spans and no dampen', () => {
    const result = scoreText('A quiet comment about the weather.');
    expect(result).toEqual({
      scores: Object.fromEntries(LABELS.map((label) => [label, 0])),
      spans: []
    });
    expect(Object.keys(result.scores)).toEqual([...LABELS]);
    // Each result is its own object, so a caller may change it.
    expect(scoreText('Nothing here.').scores).not.toBe(result.scores);
  });

  it('omits dampen when nothing innocent or mentioned was seen', () => {
    expect(scoreText('ZOG').dampen).toBeUndefined();
  });
});

describe('compileLexicon with edits', () => {
  it('skips disabled entries and uses edited explanations and weights', async () => {
    const edited = applyLexiconEdits(file.entries, [
      { id: 'zog', disabled: true },
      { id: 'slur-kike', explanation: 'Edited by an admin: a slur for Jewish people.' },
      { id: 'profanity-shit', weights: { profanity: 0.5 } }
    ]);
    const lexicon = compileLexicon(edited, '1+edits');
    const component = createLexiconComponent({ lexicon });
    expect(component.version).toBe('threadwatch-lexicon@1+edits');
    const [zog, kike, shit] = await component.scoreBatch(['ZOG', 'kike', 'shit']);
    expect(zog?.scores.antisemitism).toBe(0);
    expect(kike?.spans[0]?.reason).toBe('Edited by an admin: a slur for Jewish people.');
    expect(shit?.scores.profanity).toBe(0.5);
    expect(shit?.scores.toxicity).toBe(0);
  });

  it('rejects an entry whose pattern cannot be stretched', () => {
    const [first] = file.entries;
    if (!first) throw new Error('empty lexicon');
    expect(() => compileLexicon([{ ...first, patterns: ['(?<name>x)'] }], 'bad')).toThrow(
      /named group/
    );
  });
});

describe('profanity weights come from the file', () => {
  it('scores a swear word at its entry weight', () => {
    expect(scoreText('shit').scores.profanity).toBe(weightOf('profanity-shit', 'profanity'));
  });
});
