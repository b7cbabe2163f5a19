/**
 * Classifier throughput: comments a second through each component alone and through the
 * assembled classifier (fusion included), on the seed comments repeated to a fixed count.
 * Each run goes for at least MIN_SECONDS after a warm-up batch.
 */
import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { createClassifier } from '../lib/server/classify';
import { createLexiconComponent } from '../lib/server/classify/lexicon/component';
import { createModelComponent } from '../lib/server/classify/model/component';
import type { ClassifierComponent } from '../lib/server/classify/types';
import { parseDocument } from '../lib/server/ingest/parse';

const MIN_SECONDS = 3;
const BATCH = 64;

export interface ClassifyResult {
  what: string;
  comments: number;
  seconds: number;
  commentsPerSecond: number;
}

export async function measureClassifyThroughput(): Promise<ClassifyResult[]> {
  const texts = await seedComments();
  const classifier = await createClassifier();
  const components: [string, ClassifierComponent][] = [
    ['lexicon', createLexiconComponent()],
    ['model (n-gram)', await createModelComponent()]
  ];
  const results: ClassifyResult[] = [];
  for (const [what, component] of components)
    results.push(await measure(what, (batch) => component.scoreBatch(batch), texts));
  results.push(await measure('classifier (fused)', (batch) => classifier.classify(batch), texts));
  return results;
}

async function seedComments(): Promise<string[]> {
  const texts: string[] = [];
  for (const path of await glob(['seeds/*.txt']))
    texts.push(...parseDocument(await readFile(path)).comments.map((comment) => comment.text));
  return texts;
}

async function measure(
  what: string,
  score: (batch: string[]) => Promise<unknown>,
  texts: string[]
): Promise<ClassifyResult> {
  const batchOf = (start: number) =>
    Array.from({ length: BATCH }, (_, index) => texts[(start + index) % texts.length]!);
  await score(batchOf(0)); // warm-up: regex and JIT compilation
  let comments = 0;
  const started = process.hrtime.bigint();
  let seconds = 0;
  while (seconds < MIN_SECONDS) {
    await score(batchOf(comments));
    comments += BATCH;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { what, comments, seconds, commentsPerSecond: comments / seconds };
}
