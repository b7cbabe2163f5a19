/**
 * The shipped data file: valid, broad enough, sourced, and every context-free form fires
 * its own entry (a typo in a form would otherwise silently match nothing).
 */
import { describe, expect, it } from 'vitest';
import { matchLexicon } from '../../../src/lib/server/classify/lexicon/component';
import { CATEGORIES, loadShippedLexicon } from '../../../src/lib/server/classify/lexicon/entries';

const { entries } = loadShippedLexicon();

describe('models/lexicon/lexicon.json', () => {
  it('has between 60 and 120 entries covering every category', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.length).toBeLessThanOrEqual(120);
    const categories = new Set(entries.map((entry) => entry.category));
    for (const category of CATEGORIES) expect(categories).toContain(category);
  });

  it('covers the coded antisemitic vocabulary with antisemitism weights', () => {
    const antisemitic = entries.filter((entry) => (entry.weights.antisemitism ?? 0) > 0);
    expect(antisemitic.length).toBeGreaterThanOrEqual(40);
  });

  it('cites the dogwhistle glossary where it drew on it', () => {
    const citing = entries.filter((entry) =>
      entry.sources.some((source) => source.includes('From Dogwhistles to Bullhorns'))
    );
    expect(citing.length).toBeGreaterThanOrEqual(20);
  });

  it.each(
    entries
      .filter((entry) => !entry.context && entry.category !== 'innocent')
      .flatMap((entry) => entry.forms.map((form) => [entry.id, form] as const))
  )('%s fires on its own form "%s"', (id, form) => {
    const text = `look: ${form} !`;
    const match = matchLexicon(text).find(
      (found) => found.start <= text.indexOf(form) && found.end >= text.indexOf(form) + form.length
    );
    expect(match, `${id}: ${form}`).toBeDefined();
  });
});
