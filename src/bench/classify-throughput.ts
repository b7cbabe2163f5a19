/**
 * Classifier throughput: comments a second through each component alone and through the
 * assembled classifier (fusion included, the lexicon on its thread as the worker runs it),
 * on the seed comments repeated. The three take turns for ROUNDS rounds of ROUND_SECONDS
 * each and report their median round, so a slow spell of the machine (a shared VM drifts
 * by 10 % and more over a minute) lands on all three instead of on whichever ran in it.
 */
import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { createClassifier } from '../lib/server/classify';
import { config } from '../lib/server/config';
import { createLexiconComponent } from '../lib/server/classify/lexicon/component';
import { createModelComponent } from '../lib/server/classify/model/component';
import { parseDocument } from '../lib/server/ingest/parse';

const ROUNDS = 5;
const ROUND_SECONDS = 1;
const BATCH = 64;

export interface ClassifyResult {
  what: string;
  comments: number;
  seconds: number;
  commentsPerSecond: number;
}

export async function measureClassifyThroughput(): Promise<ClassifyResult[]> {
  const texts = await seedComments();
  const classifier = await createClassifier(config(), {}, { lexiconThread: true });
  const lexicon = createLexiconComponent();
  const model = await createModelComponent();
  const scorers: [string, Scorer][] = [
    ['lexicon', (batch) => lexicon.scoreBatch(batch)],
    ['model (n-gram)', (batch) => model.scoreBatch(batch)],
    ['classifier (fused)', (batch) => classifier.classify(batch)]
  ];
  const rounds = new Map<string, ClassifyResult[]>(scorers.map(([what]) => [what, []]));
  for (const [, score] of scorers) await score(batchOf(texts, 0)); // warm-up: regex and JIT
  for (let round = 0; round < ROUNDS; round++)
    for (const [what, score] of scorers) rounds.get(what)!.push(await measure(what, score, texts));
  return scorers.map(([what]) => median(rounds.get(what)!));
}

type Scorer = (batch: string[]) => Promise<unknown>;

function median(results: ClassifyResult[]): ClassifyResult {
  const sorted = [...results].sort((a, b) => a.commentsPerSecond - b.commentsPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function seedComments(): Promise<string[]> {
  const texts: string[] = [];
  for (const path of await glob(['seeds/*.txt']))
    texts.push(...parseDocument(await readFile(path)).comments.map((comment) => comment.text));
  return texts;
}

async function measure(what: string, score: Scorer, texts: string[]): Promise<ClassifyResult> {
  let comments = 0;
  const started = process.hrtime.bigint();
  let seconds = 0;
  while (seconds < ROUND_SECONDS) {
    await score(batchOf(texts, comments));
    comments += BATCH;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { what, comments, seconds, commentsPerSecond: comments / seconds };
}

function batchOf(texts: string[], start: number): string[] {
  return Array.from({ length: BATCH }, (_, index) => texts[(start + index) % texts.length]!);
}
