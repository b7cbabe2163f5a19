/**
 * Parser throughput: how many megabytes of page a second `parseDocument` turns into an
 * article and comments, for copied text (the seeds and text fixtures) and saved HTML (the
 * HTML fixtures), and for the benchmark's synthetic WordPress pages (one thread of 100+
 * comments a page, larger than most fixtures). Each corpus is parsed repeatedly for at least MIN_SECONDS so that short
 * pages are not dominated by timer noise. Run with `npm run bench`.
 */
import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { parseDocument } from '../lib/server/ingest/parse';
import { syntheticCorpus, syntheticPage, type CorpusShape } from './corpus';

const MIN_SECONDS = 3;

export interface ThroughputResult {
  corpus: string;
  files: number;
  bytes: number;
  comments: number;
  passes: number;
  seconds: number;
  megabytesPerSecond: number;
}

export async function measureParseThroughput(): Promise<ThroughputResult[]> {
  const text = await glob(['seeds/*.txt', 'tests/fixtures/formats/**/*.txt']);
  const html = await glob(['tests/fixtures/formats/**/*.html']);
  const read = (paths: string[]) => Promise.all(paths.sort().map((path) => readFile(path)));
  return [measure('text', await read(text)), measure('html', await read(html))];
}

/** The first `articles` pages of the synthetic corpus, text and HTML measured apart. */
export function measureSyntheticParse(shape: CorpusShape, articles: number): ThroughputResult[] {
  const pages = { text: [] as Uint8Array[], html: [] as Uint8Array[] };
  for (const article of syntheticCorpus(shape)) {
    if (article.index >= articles) break;
    const page = syntheticPage(article);
    pages[page.markup].push(page.bytes);
  }
  return [measure('synthetic text', pages.text), measure('synthetic html', pages.html)];
}

function measure(corpus: string, pages: Uint8Array[]): ThroughputResult {
  const bytes = pages.reduce((sum, page) => sum + page.byteLength, 0);
  let comments = 0;
  for (const page of pages) comments += parseDocument(page).comments.length; // warm-up
  let passes = 0;
  const started = process.hrtime.bigint();
  let seconds = 0;
  while (seconds < MIN_SECONDS) {
    for (const page of pages) parseDocument(page);
    passes += 1;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return {
    corpus,
    files: pages.length,
    bytes,
    comments,
    passes,
    seconds,
    megabytesPerSecond: (bytes * passes) / 1e6 / seconds
  };
}
