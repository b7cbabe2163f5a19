/**
 * Fixture pages for the format modules' tests: a format's own fixtures, every other
 * format's fixtures (with the format their expected.json names) and the seed articles,
 * each built into a Page the way the parser builds it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPage } from '../../src/lib/server/ingest/page';
import type { Page } from '../../src/lib/server/ingest/types';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');
const SEEDS = join(import.meta.dirname, '../../seeds');

export interface FixturePage {
  /** Path relative to tests/fixtures/formats, or the seed's file name. */
  name: string;
  /** The format the fixture's expected.json names ('none' for seeds). */
  format: string;
  page: Page;
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixturePage(name: string): Page {
  return buildPage(readFixture(name));
}

/** Every fixture page under tests/fixtures/formats. */
export function allFixturePages(): FixturePage[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|txt)$/.test(file))
    .sort()
    .map((name) => ({ name, format: expectedFormat(name), page: fixturePage(name) }));
}

/** The format the expected.json names; the folder's name while a fixture has none yet. */
function expectedFormat(name: string): string {
  const path = join(FIXTURES, name.replace(/\.(html|txt)$/, '.expected.json'));
  if (!existsSync(path)) return name.split(/[\\/]/)[0]!;
  return (JSON.parse(readFileSync(path, 'utf8')) as { format: string }).format;
}

/** The sample article pages in seeds/: plain articles or ZeroHedge threads, none of ours. */
export function seedPages(): FixturePage[] {
  return readdirSync(SEEDS)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      format: 'seed',
      page: buildPage(readFileSync(join(SEEDS, name), 'utf8'))
    }));
}

/** Fixtures expected to parse as one of `formats`, and all other pages (other formats, seeds). */
export function splitPages(formats: readonly string[]): {
  own: FixturePage[];
  others: FixturePage[];
} {
  const fixtures = allFixturePages();
  return {
    own: fixtures.filter((fixture) => formats.includes(fixture.format)),
    others: [...fixtures.filter((fixture) => !formats.includes(fixture.format)), ...seedPages()]
  };
}
