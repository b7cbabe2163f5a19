/**
 * The five seed pages: article titles, bodies free of site furniture, and the 33 comments
 * of the ZeroHedge page (seed 004) in page order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/server/ingest/parse';
import type { ParsedDocument } from '../../src/lib/server/ingest/types';

const seedsDir = join(import.meta.dirname, '../../seeds');
const seedFiles = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const seed = (number: string): ParsedDocument => {
  const file = seedFiles.find((name) => name.startsWith(`${number}_`));
  if (!file) throw new Error(`no seed ${number}`);
  return parseDocument(readFileSync(join(seedsDir, file)));
};

interface SeedExpectation {
  title: string;
  source: string | null;
  firstSentence: string;
  lastSentence: string;
}

const NBSP = '\u00a0';
const SEEDS: Record<string, SeedExpectation> = {
  '000': {
    title: 'Russia says it has been in touch with Donald Trump’s entourage during the campaign',
    source: 'Quartz',
    firstSentence: `A longtime Russian diplomat claims${NBSP}Moscow was in regular contact${NBSP}with Donald Trump’s team${NBSP}during the presidential campaign.`,
    lastSentence:
      'sent Trump a congratulatory telegram shortly after the outcome of the election was clear.'
  },
  '001': {
    title: 'Russia Was in Touch With Trump Campaign During Presidential Campaign',
    source: null,
    firstSentence:
      'During the presidential campaign, the Russian government was reportedly in contact with the Trump campaign team.',
    lastSentence: 'I’m all over the world but we’re not involved in Russia."'
  },
  '002': {
    title: 'Russian Officials: We Had Contact With Trump Campaign',
    source: null,
    firstSentence:
      'While President Donald Trump has asserted that neither his aides nor anyone in his entourage had contact with the Russian government during the 2016 presidential campaign',
    lastSentence:
      'the question remains why the White House continues to deny that any communication had taken place.'
  },
  '003': {
    title: 'Russia: We talked with Trump’s team during campaign',
    source: 'The Hill',
    firstSentence:
      'Russia says it kept in touch with Donald Trump’s presidential campaign before the Republican nominee’s White House win.',
    lastSentence:
      'Clinton formally conceded Wednesday, arguing voters owe Trump “an open mind and a chance to lead” after their at-times fierce rivalry.'
  },
  '004': {
    title: 'Trump Campaign Said To Have 18 Previously Undisclosed Russia Contacts: Reuters',
    source: 'ZeroHedge',
    firstSentence:
      'Just when it seemed that Trump was about to put the Russian allegations in the rearview mirror',
    lastSentence:
      'Expect an imminent response from the White House as well as something from Trump himself, who has been surprisingly quiet on Twitter over the past 24 hours.'
  }
};

/** Site furniture of the seeds: none of it may reach an article body. */
const BOILERPLATE = [
  'Skip to navigation',
  'Skip to content',
  'Skip to main content',
  'Kick off each morning with coffee and the Daily Brief (BYO coffee).',
  'By providing your email, you agree to the Quartz Privacy Policy.',
  'Russian President Vladimir Putin makes a toast during a ceremony',
  'AP/Sergei Karpukhin',
  'I’m not celebrating.',
  '© Getty Images/Russia Today',
  'Getty Images',
  'Image via',
  'WikiCommons',
  'Popular Video',
  'Sources:',
  'Photo credit:',
  'Latest in',
  'Published Last updated',
  'This article is more than 2 years old.',
  'Donald TrumpDonald Trump',
  'GOP grapples with',
  'MORE',
  'Hillary ClintonHillary',
  'Rodham',
  'Tyler Durden',
  "'s picture"
];

const SEED_004_AUTHORS = [
  'syzygysus',
  'Harry Lightning',
  'az_patriot',
  'brushhog',
  'Sandmann',
  'esum',
  'Harry Lightning',
  'mary mary',
  'Sandmann',
  'mary mary',
  'brushhog',
  'Sandmann',
  'shadow54',
  'mary mary',
  'shortonoil',
  'highwaytoserfdom',
  'tsuki',
  'Bernardo Gui',
  'barysenter',
  'Mroex',
  'roadhazard',
  'Deep Snorkeler',
  'oncemore',
  'highwaytoserfdom',
  'frontierland',
  'metafaux',
  'barysenter',
  'Fake Trump',
  'roadhazard',
  'barysenter',
  'novictim',
  'Mzhen',
  'Mike Rotsch'
];

describe('seed articles', () => {
  it('finds all five seeds', () => {
    expect(seedFiles).toHaveLength(5);
  });

  describe.each(Object.entries(SEEDS))('seed %s', (number, expected) => {
    const parsed = seed(number);

    it('has the exact title and the source the page shows', () => {
      expect(parsed.article.title).toBe(expected.title);
      expect(parsed.article.source).toBe(expected.source);
      expect(parsed.markup).toBe('text');
      expect(parsed.encoding).toBe('utf-8');
    });

    it('keeps the real first and last sentences of the body', () => {
      expect(parsed.article.body.startsWith(expected.firstSentence)).toBe(true);
      expect(parsed.article.body.endsWith(expected.lastSentence)).toBe(true);
      expect(parsed.article.body).not.toContain(expected.title);
    });

    it.each(BOILERPLATE)('has no %j in the body', (furniture) => {
      expect(parsed.article.body).not.toContain(furniture);
    });
  });

  it.each(['000', '001', '002', '003'])('seed %s has no comment section', (number) => {
    const parsed = seed(number);
    expect(parsed.format).toBe('none');
    expect(parsed.comments).toEqual([]);
  });

  it('seed 003 keeps the sentences around the name-hover text', () => {
    expect(seed('003').article.body).toContain(
      'Zakharova added that Democratic presidential nominee Hillary Clinton refused similar requests for discussions.'
    );
  });
});

describe('seed 004 (ZeroHedge)', () => {
  const parsed = seed('004');
  const byAuthor = (author: string) =>
    parsed.comments.filter((comment) => comment.author === author);

  it('is recognised as ZeroHedge, with the byline under the title', () => {
    expect(parsed.format).toBe('zerohedge');
    expect(parsed.article.byline).toBe('Tyler Durden');
  });

  it('has the 33 comments in page order', () => {
    expect(parsed.comments).toHaveLength(33);
    expect(parsed.comments.map((comment) => comment.author)).toEqual(SEED_004_AUTHORS);
    expect(parsed.comments[0]!.author).toBe('syzygysus');
    expect(parsed.comments.at(-1)!.author).toBe('Mike Rotsch');
  });

  it('keeps raw punctuation: (((Reuters))) is evidence', () => {
    expect(byAuthor('barysenter')[0]!.text).toBe(
      '(((Reuters))) = (((WSJ))) = Buffett = Murdoch = Clinton = Obama = Slim = Bezos = Fuckerberg = Musk = Gruber = Chomsky = CNN and so on.'
    );
    expect(byAuthor('barysenter')[2]!.text).toContain('(((mysogonists)))');
    expect(byAuthor('barysenter')[2]!.text).toContain('(((tribes))).');
  });

  it('keeps paragraphs and line breaks, trims, and collapses runs of blank lines', () => {
    expect(parsed.comments[0]!.text).toBe(
      `President Pence.${NBSP} Perhaps that was the plan all along.${NBSP} Or the next in line, unelected President Ryan.\n\nBoth scare the shit out of me.`
    );
    expect(byAuthor('esum')[0]!.text.split('\n')).toHaveLength(7);
    expect(byAuthor('Mroex')[0]!.text.startsWith('"Familiar Fources"')).toBe(true);
    expect(byAuthor('roadhazard')[0]!.text).toBe(
      'Just when it seemed that Trump was going to put the russian allegations in the rear view mirror...\n\nLaughing my fucking ass off.\n\nOrval Redenbacher approves of this post.'
    );
    expect(byAuthor('Mike Rotsch')[0]!.text).toMatch(
      /^What I find surprising.*started crying "Russia"\.$/
    );
    for (const comment of parsed.comments) {
      expect(comment.text).toBe(comment.text.trim());
      expect(comment.text).not.toMatch(/\n{3}/);
      expect(comment.text).not.toMatch(/picture$/m);
    }
  });

  it('has no times or nesting in the text copy', () => {
    for (const comment of parsed.comments) {
      expect(comment.parent).toBeNull();
      expect(comment.postedAt).toBeNull();
      expect(comment.postedAtRaw).toBeNull();
    }
  });

  it('keeps comments out of the article body', () => {
    expect(parsed.article.body).not.toContain('syzygysus');
    expect(parsed.article.body).not.toContain('President Pence.');
  });
});
