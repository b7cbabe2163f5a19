/**
 * The registry skips a format that can at most tie the best evidence so far (its declared
 * maxEvidence). That is only exact while every detector stays under its ceiling, which the
 * first test checks on every fixture and seed page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_FORMATS, pickFormat } from '../../src/lib/server/ingest/registry';
import { wordpress } from '../../src/lib/server/ingest/formats/wordpress';
import { youtube } from '../../src/lib/server/ingest/formats/youtube';
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
    const youtubeDetect = vi.spyOn(youtube, 'detect');
    expect(pickFormat(page)?.format.id).toBe('wordpress');
    expect(youtubeDetect).toHaveBeenCalledOnce();
  });

  it('cuts evidence over a format’s ceiling to the ceiling', () => {
    const page = fixturePage('wordpress/copied-en.txt');
    vi.spyOn(wordpress, 'detect').mockReturnValue(5);
    expect(pickFormat(page)).toEqual({ format: wordpress, evidence: wordpress.maxEvidence.text });
  });
});
