/**
 * A term that is quoted, condemned or reported weighs much less than the same term used,
 * and asks fusion to damp the models, which tend to flag the people who push back.
 */
import { describe, expect, it } from 'vitest';
import { scoreText } from '../../../src/lib/server/classify/lexicon/component';

const antisemitism = (text: string): number => scoreText(text).scores.antisemitism ?? 0;

describe('counter-speech and reporting', () => {
  it.each([
    ['condemnation', 'Calling people kikes is disgusting.', 'Those kikes run everything.'],
    ['a report', 'The ADL reported a rise in posts saying ZOG.', 'ZOG runs this country.'],
    ['a named slur', 'The slur "kike" has no place here.', 'Shut up, kike.'],
    [
      'a trope named as such',
      'Dual loyalty is an antisemitic trope.',
      'They all have dual loyalty.'
    ],
    ['a quotation', 'He wrote "the goyim know" under the post.', 'The goyim know, friend.']
  ])('%s weighs at most a third of a use', (_, mention, use) => {
    const used = antisemitism(use);
    expect(used).toBeGreaterThan(0.5);
    expect(antisemitism(mention)).toBeGreaterThan(0);
    expect(antisemitism(mention)).toBeLessThanOrEqual(used / 3);
  });

  it('dampens the models on the mentioned labels and says why in the span', () => {
    const result = scoreText('Calling people kikes is disgusting.');
    expect(result.dampen?.antisemitism).toBeLessThan(1);
    expect(result.dampen?.identity_attack).toBeLessThan(1);
    expect(result.spans[0]?.reason).toMatch(/quoted, condemned or reported/);
  });

  it('does not dampen a label that a real use in the same comment carries', () => {
    const result = scoreText('Calling people kikes is wrong, but (((they))) do run the banks.');
    expect(result.dampen?.antisemitism).toBeUndefined();
    expect(result.scores.antisemitism).toBeGreaterThanOrEqual(0.8);
  });

  it('still counts quoted profanity as profanity', () => {
    expect(scoreText('He said "fuck" on air.').scores.profanity).toBeGreaterThan(0.9);
  });

  it('is not fooled by "not antisemitic, but"', () => {
    expect(antisemitism("I'm not antisemitic but the jews control the media.")).toBeGreaterThan(
      0.8
    );
  });
});
