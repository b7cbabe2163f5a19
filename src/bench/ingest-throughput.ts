/**
 * Ingest throughput: the synthetic corpus through the real bulk ingest path (ingestDocuments,
 * as `cli ingest` uses it: hash, parse, store articles and comments, queue classification
 * jobs, assign story groups, one transaction per batch of BATCH_DOCUMENTS pages), end to end
 * in comments a second. On PostgreSQL `concurrency` batches are in flight at once (parsing
 * shares Node's one thread, so this mostly overlaps parsing with the database's work);
 * PGlite has one connection, so one.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../lib/server/db/schema';
import { BATCH_DOCUMENTS, ingestDocuments } from '../lib/server/ingest/ingest-batch';
import { syntheticCorpus, syntheticPage, type CorpusShape, type SyntheticPage } from './corpus';

export interface IngestResult {
  engine: string;
  articles: number;
  comments: number;
  megabytes: number;
  concurrency: number;
  seconds: number;
  commentsPerSecond: number;
}

const PROGRESS_EVERY_MS = 15_000;

export async function measureIngest(
  db: Kysely<Schema>,
  engine: string,
  shape: CorpusShape,
  concurrency: number
): Promise<IngestResult> {
  // Every page generated before the clock starts, so the rate is the ingest's alone (at a
  // million comments the generation takes ~6 s and ~350 MB, which the pages then occupy).
  const batches = pageBatches(shape);
  let articles = 0;
  let comments = 0;
  let bytes = 0;
  const started = performance.now();
  let reported = started;
  let next = 0;
  const nextBatch = (): SyntheticPage[] => batches[next++] ?? [];
  const ingestNext = async (): Promise<void> => {
    for (let pagesOfBatch = nextBatch(); pagesOfBatch.length > 0; pagesOfBatch = nextBatch()) {
      const outcomes = await ingestDocuments(
        db,
        pagesOfBatch.map((page) => ({ bytes: page.bytes, fileName: page.fileName }))
      );
      outcomes.forEach((outcome, at) => {
        const page = pagesOfBatch[at]!;
        if (outcome.status !== 'stored')
          throw new Error(`${page.fileName} was not stored: ${JSON.stringify(outcome)}`);
        articles += 1;
        comments += outcome.comments;
        bytes += page.bytes.byteLength;
      });
      if (performance.now() - reported > PROGRESS_EVERY_MS) {
        reported = performance.now();
        const rate = comments / ((reported - started) / 1000);
        process.stderr.write(
          `bench: ingest ${engine} ${comments} comments, ${rate.toFixed(0)}/s\n`
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, ingestNext));
  const seconds = (performance.now() - started) / 1000;
  if (comments !== shape.comments)
    throw new Error(`Ingested ${comments} comments, the corpus has ${shape.comments}`);
  return {
    engine,
    articles,
    comments,
    megabytes: bytes / 1e6,
    concurrency,
    seconds,
    commentsPerSecond: comments / seconds
  };
}

function pageBatches(shape: CorpusShape): SyntheticPage[][] {
  const batches: SyntheticPage[][] = [];
  let batch: SyntheticPage[] = [];
  for (const article of syntheticCorpus(shape)) {
    batch.push(syntheticPage(article));
    if (batch.length === BATCH_DOCUMENTS) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
