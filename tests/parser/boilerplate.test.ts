/**
 * Boilerplate rules remove the families of furniture strings seen in the seeds, and leave
 * real article sentences alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/lib/server/ingest/article-text';
import {
  furnitureRule,
  LINE_RULES,
  removeNameHoverText
} from '../../src/lib/server/ingest/boilerplate';

const SEEDS = join(import.meta.dirname, '../../seeds');

describe('line rules', () => {
  it.each([
    ['skip-link', 'Skip to navigationSkip to content'],
    ['skip-link', 'Skip to main content'],
    ['skip-link', 'Jump to comments'],
    ['newsletter-pitch', '📬 Kick off each morning with coffee and the Daily Brief (BYO coffee).'],
    ['newsletter-pitch', 'Start your day with the Morning Memo, in your inbox at 6am.'],
    ['newsletter-pitch', 'Sign up for our free politics newsletter'],
    ['newsletter-privacy', 'By providing your email, you agree to the Quartz Privacy Policy.'],
    ['newsletter-privacy', 'By entering your email address, you agree to our Terms of Use.'],
    ['photo-credit-label', 'Photo credit: Gage Skidmore/Flickr'],
    ['photo-credit-label', 'Featured image: Reuters'],
    ['image-via', 'Image via WikiCommons'],
    ['image-via', 'Photo by John Moore'],
    ['copyright-credit', '© Getty Images/Russia Today'],
    ['copyright-credit', 'Copyright 2017 Reuters'],
    ['agency-credit', 'AP/Sergei Karpukhin'],
    ['agency-credit', 'Reuters/Kevin Lamarque'],
    ['agency-credit', 'Gage Skidmore/Flickr'],
    [
      'sources-line',
      'Sources: The New York Times (2), Reuters via CNBCThe Washington Post / Photo credit: Gage Skidmore/Flickr'
    ],
    ['promo-heading', 'Popular Video'],
    ['promo-heading', 'Trending Now'],
    ['promo-heading', 'Recommended Stories'],
    ['section-teaser', 'Latest in Life'],
    ['section-teaser', 'More from Politics'],
    ['article-age', 'Published Last updated This article is more than 2 years old.'],
    ['article-age', 'This article is more than 5 months old'],
    ['share-bar', 'Share Tweet Email'],
    ['advertisement', 'Advertisement']
  ])('%s removes %j', (id, line) => {
    expect(furnitureRule(line)?.id).toBe(id);
  });

  it.each([
    'Skip to the end if you are in a hurry.',
    'The question: Is this a true confession or classic Russian trolling?',
    'Readers can subscribe to the newsletter, which launched in 2015, for free.',
    'Video by a bystander shows police arriving at the scene.',
    'Copyright holders disagreed with the ruling.',
    '(c) the third option, which nobody liked.',
    'Popular support for the tram has fallen.',
    'More in sorrow than in anger, she said.',
    'Published in 1998, the report is still cited.',
    'Sources said the talks had stalled.',
    'Share prices fell sharply on Tuesday.',
    'Either/or decisions are rare in politics.',
    'The photo: a man, a dog and a tram.',
    'I’m not celebrating.',
    'WikiCommons'
  ])('keeps %j', (line) => {
    expect(furnitureRule(line)).toBeNull();
  });

  it('explains every rule', () => {
    for (const rule of LINE_RULES) expect(rule.why.length).toBeGreaterThan(20);
  });

  it('skips a rule’s pattern only on lines it could not match', () => {
    const gated = LINE_RULES.filter((rule) => rule.needs !== undefined);
    expect(gated.map((rule) => rule.id)).toEqual([
      'photo-credit-label',
      'agency-credit',
      'sources-line'
    ]);
    for (const rule of gated) {
      // One character without case variants, so a case-insensitive pattern cannot dodge it.
      expect(rule.needs).toHaveLength(1);
      expect(rule.needs!.toLowerCase()).toBe(rule.needs!.toUpperCase());
    }
    const lines = readdirSync(SEEDS).flatMap((name) =>
      readFileSync(join(SEEDS, name), 'utf8').split('\n')
    );
    const examples = ['Photo credit: Gage Skidmore/Flickr', 'AP/Sergei Karpukhin', 'Sources: AP'];
    for (const line of [...lines, ...examples])
      for (const rule of gated)
        if (rule.pattern.test(line.trim())) expect(line.includes(rule.needs!), line).toBe(true);
    expect(furnitureRule('AP/Sergei Karpukhin')?.id).toBe('agency-credit');
    expect(furnitureRule('AP Sergei Karpukhin')).toBeNull();
  });
});

describe('figures', () => {
  it('drops the caption above a credit and the quip below it, keeping the title', () => {
    const article = articleFromText(
      [
        'Headline Of The Story',
        '© Getty Images/Somebody',
        '',
        'A long caption describing the photo of the minister at the ceremony in the capital.',
        'AP/Jane Photographer',
        'Cheers.',
        '',
        'The first real paragraph of the article.',
        '',
        'Image via Wikimedia',
        'Wikimedia',
        '',
        'The last real paragraph of the article.'
      ].join('\n')
    );
    expect(article.title).toBe('Headline Of The Story');
    expect(article.body).toBe(
      'The first real paragraph of the article.\n\nThe last real paragraph of the article.'
    );
  });
});

describe('name-hover text', () => {
  it.each([
    [
      "Russia says it kept in touch with Donald TrumpDonald TrumpGOP grapples with chaotic Senate primary in Pennsylvania Trump social media startup receives commitment of billion from unidentified 'diverse group' of investors Iran thinks it has the upper hand in Vienna — here's why it doesn't MORE’s presidential campaign",
      'Russia says it kept in touch with Donald Trump’s presidential campaign'
    ],
    [
      'Zakharova added that Democratic presidential nominee Hillary ClintonHillary Diane Rodham ClintonRepublican Ohio Senate candidate slams JD Vance over previous Trump comments Budowsky: Why GOP donors flock to Manchin and Sinema Countering the ongoing Republican delusion MORE refused similar requests for discussions.',
      'Zakharova added that Democratic presidential nominee Hillary Clinton refused similar requests for discussions.'
    ],
    [
      'Senate Majority Leader Mitch McConnellAddison (Mitch) Mitchell McConnell Jr.Senate passes stopgap bill Overnight Defense: Budget deal MORE said on Monday',
      'Senate Majority Leader Mitch McConnell said on Monday'
    ],
    [
      'Vice President Mike PenceMichael (Mike) Richard PenceTrump allies plan rally 12 things to know today MORE, who spoke first',
      'Vice President Mike Pence, who spoke first'
    ]
  ])('cleans %j', (input, output) => {
    expect(removeNameHoverText(input)).toBe(output);
  });

  it.each([
    'Donald Trump said MORE people should vote.',
    'Hillary Clinton met Donald Trump. MORE to follow.',
    'The ACME CORP said MORE jobs would go.'
  ])('leaves %j alone', (text) => {
    expect(removeNameHoverText(text)).toBe(text);
  });
});
