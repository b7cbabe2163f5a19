/**
 * The registry skips a format that can at most tie the best evidence so far (its declared
 * maxEvidence) or whose sniff (mayClaim) says a marker every claim needs is missing. Both
 * are only exact while the declarations are true, which the first tests check on every
 * fixture and seed page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { disqus } from '../../src/lib/server/ingest/formats/disqus';
import { generic } from '../../src/lib/server/ingest/formats/generic';
import { hackerNews } from '../../src/lib/server/ingest/formats/hacker-news';
import { wordpress } from '../../src/lib/server/ingest/formats/wordpress';
import { xenforo } from '../../src/lib/server/ingest/formats/xenforo';
import { livefyre } from '../../src/lib/server/ingest/formats/livefyre';
import { phpbb } from '../../src/lib/server/ingest/formats/phpbb';
import { redditNew } from '../../src/lib/server/ingest/formats/reddit-new';
import { redditOld } from '../../src/lib/server/ingest/formats/reddit-old';
import { spotim } from '../../src/lib/server/ingest/formats/spotim';
import { vbulletin } from '../../src/lib/server/ingest/formats/vbulletin';
import { youtube } from '../../src/lib/server/ingest/formats/youtube';
import { zerohedge } from '../../src/lib/server/ingest/formats/zerohedge';
import { buildPage } from '../../src/lib/server/ingest/page';
import { ALL_FORMATS, MIN_EVIDENCE, pickFormat } from '../../src/lib/server/ingest/registry';
import { allFixturePages, fixturePage, seedPages } from '../helpers/format-fixture-pages';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('format ceilings', () => {
  const pages = [...allFixturePages(), ...seedPages()];

  it.each(ALL_FORMATS.map((format) => [format.id, format] as const))(
    '%s never scores above its maxEvidence',
    (_, format) => {
      for (const { page } of pages)
        expect(format.detect(page)).toBeLessThanOrEqual(format.maxEvidence[page.markup]);
    }
  );
});

describe('format sniffs', () => {
  const pages = [...allFixturePages(), ...seedPages()];
  const sniffing = ALL_FORMATS.filter((format) => format.mayClaim !== undefined);
  const textArticle = buildPage(
    ['Mayor Defends Budget', '', 'The council met on Tuesday and agreed the plan.', ''].join('\n')
  );
  const htmlArticle = buildPage(
    '<html><head><title>Mayor Defends Budget</title></head><body><article class="post">' +
      '<h1>Mayor Defends Budget</h1><p>The council met on Tuesday.</p></article></body></html>'
  );
  const textSniffs = sniffing
    .map((format) => format.id)
    .filter((id) => id !== 'wordpress' && id !== 'reddit-new');
  const htmlSniffs = sniffing
    .map((format) => format.id)
    .filter((id) => id !== 'generic' && id !== 'phpbb');

  it('covers every format', () => {
    expect(sniffing.map((format) => format.id).sort()).toEqual(
      ALL_FORMATS.map((format) => format.id).sort()
    );
  });

  it.each(sniffing.map((format) => [format.id, format] as const))(
    '%s: every page it claims passes its sniff',
    (_, format) => {
      const claimed = pages.filter(({ page }) => format.detect(page) >= MIN_EVIDENCE);
      expect(claimed.length).toBeGreaterThan(0);
      for (const { name, page } of claimed) expect(format.mayClaim!(page), name).toBe(true);
    }
  );

  it.each(sniffing.map((format) => [format.id, format] as const))(
    '%s: a plain article fails its sniff where it has one',
    (id, format) => {
      expect(format.mayClaim!(textArticle)).toBe(!textSniffs.includes(id));
      expect(format.mayClaim!(htmlArticle)).toBe(!htmlSniffs.includes(id));
    }
  );

  it('each text sniff passes on the marker it looks for', () => {
    const page = (text: string) => buildPage(`Title\n\n${text}\n`);
    expect(youtube.mayClaim!(page('@anna_b'))).toBe(true);
    expect(youtube.mayClaim!(page('1.2K SUBSCRIBERS'))).toBe(true);
    expect(disqus.mayClaim!(page('8 years AGO'))).toBe(true);
    expect(disqus.mayClaim!(page('just now'))).toBe(true);
    expect(hackerNews.mayClaim!(page('pg 3 hours ago | parent'))).toBe(true);
    expect(hackerNews.mayClaim!(page('pg on Nov 10, 2016 [–]'))).toBe(true);
    expect(generic.mayClaim!(page('Like · Antworten'))).toBe(true);
    expect(zerohedge.mayClaim!(page("O'Brien's picture"))).toBe(true);
    expect(xenforo.mayClaim!(page('#12'))).toBe(true);
    expect(vbulletin.mayClaim!(page('# 12'))).toBe(true);
    expect(redditOld.mayClaim!(page('[–]anna 3 points 2 hours ago'))).toBe(true);
    expect(phpbb.mayClaim!(page('by anna » Thu Nov 10, 2016'))).toBe(true);
    expect(livefyre.mayClaim!(page('12 PEOPLE LISTENING'))).toBe(true);
    expect(spotim.mayClaim!(page('Powered by OpenWeb'))).toBe(true);
  });

  it('an HTML sniff finds its marker in a tag name or any attribute value, in any case', () => {
    const page = (body: string) => buildPage(`<html><body>${body}</body></html>`);
    expect(wordpress.mayClaim!(page('<ol class="Comment-List"></ol>'))).toBe(true);
    expect(wordpress.mayClaim!(page('<form id="commentform"></form>'))).toBe(true);
    expect(disqus.mayClaim!(page('<div id="disqus_thread"></div>'))).toBe(true);
    expect(youtube.mayClaim!(page('<ytd-app></ytd-app>'))).toBe(true);
    expect(spotim.mayClaim!(page('<div data-spot-im-class="message-view"></div>'))).toBe(true);
    expect(zerohedge.mayClaim!(page('<img alt="Anna’s picture">'))).toBe(true);
    // An entity in the markup is decoded before the sniff reads it.
    expect(wordpress.mayClaim!(page('<ol class="comment&#45;list"></ol>'))).toBe(true);
  });

  it.each([
    ['text', textArticle],
    ['HTML', htmlArticle]
  ] as const)('the registry does not run a detector whose sniff fails (%s)', (_, article) => {
    const detects = sniffing
      .filter((format) => format.mayClaim!(article) === false)
      .map((format) => vi.spyOn(format, 'detect'));
    expect(detects.length).toBeGreaterThan(4);
    pickFormat(article);
    for (const detect of detects) expect(detect).not.toHaveBeenCalled();
  });
});

describe('pickFormat', () => {
  it('does not run a detector that could at most tie the best evidence so far', () => {
    const page = fixturePage('wordpress/copied-en.txt');
    const youtubeDetect = vi.spyOn(youtube, 'detect');
    const choice = pickFormat(page);
    expect(choice).toEqual({ format: wordpress, evidence: 0.9 });
    expect(youtubeDetect).not.toHaveBeenCalled();
  });

  it('still runs later detectors while they could beat the best so far', () => {
    const page = fixturePage('wordpress/copied-en.txt');
    vi.spyOn(wordpress, 'detect').mockReturnValue(0.6);
    const redditNewDetect = vi.spyOn(redditNew, 'detect');
    expect(pickFormat(page)?.format.id).toBe('wordpress');
    expect(redditNewDetect).toHaveBeenCalledOnce();
  });

  it('cuts evidence over a format’s ceiling to the ceiling', () => {
    const page = fixturePage('wordpress/copied-en.txt');
    vi.spyOn(wordpress, 'detect').mockReturnValue(5);
    expect(pickFormat(page)).toEqual({ format: wordpress, evidence: wordpress.maxEvidence.text });
  });
});
