/**
 * The lexicon on a worker thread: the same results as in the process, bit for bit, for the
 * shipped lexicon and for an edited one side by side; a thread that dies fails the batches
 * waiting on it with the reason, and the next batch runs on a new thread.
 */
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/server/classify';
import { compileLexicon } from '../../../src/lib/server/classify/lexicon/compile';
import {
  createLexiconComponent,
  shippedLexicon
} from '../../../src/lib/server/classify/lexicon/component';
import {
  applyLexiconEdits,
  loadShippedLexicon
} from '../../../src/lib/server/classify/lexicon/entries';
import {
  createThreadedLexiconComponent,
  stopLexiconThread
} from '../../../src/lib/server/classify/lexicon/thread/threaded-component';
import { config } from '../../../src/lib/server/config';
import { parseDocument } from '../../../src/lib/server/ingest/parse';

const seedComments = (await glob(['seeds/*.txt'])).flatMap((path) =>
  parseDocument(readFileSync(path)).comments.map((comment) => comment.text)
);
const coded = [
  '(((Reuters))) again',
  'k1ke',
  'the goyim know',
  'ZOG',
  'shekels, every single time'
];

afterAll(stopLexiconThread);

describe('the lexicon on a thread', () => {
  it('scores like the lexicon in the process, spans and dampening included', async () => {
    const texts = [...seedComments, ...coded];
    expect(seedComments.length).toBeGreaterThan(30);
    const threaded = await createThreadedLexiconComponent(shippedLexicon()).scoreBatch(texts);
    const inProcess = await createLexiconComponent().scoreBatch(texts);
    expect(threaded).toEqual(inProcess);
    expect(threaded.filter((result) => result.spans.length > 0).length).toBeGreaterThan(5);
  });

  it('keeps two lexicons apart on one thread', async () => {
    const file = loadShippedLexicon();
    const edited = compileLexicon(
      applyLexiconEdits(file.entries, [{ id: 'zog', disabled: true }]),
      `${file.version}+edits`
    );
    const shipped = createThreadedLexiconComponent(shippedLexicon());
    const withoutZog = createThreadedLexiconComponent(edited);
    expect(withoutZog.version).toBe(`threadwatch-lexicon@${file.version}+edits`);
    const [before, after] = await Promise.all([
      shipped.scoreBatch(['ZOG']),
      withoutZog.scoreBatch(['ZOG'])
    ]);
    expect(before[0]?.scores.antisemitism).toBeGreaterThan(0.5);
    expect(after[0]?.scores.antisemitism).toBe(0);
  });

  it('fails a waiting batch when the thread dies, then starts another', async () => {
    const component = createThreadedLexiconComponent(shippedLexicon());
    await component.scoreBatch(['warm']);
    const waiting = component.scoreBatch(Array.from({ length: 20_000 }, () => coded.join(' ')));
    await stopLexiconThread();
    await expect(waiting).rejects.toThrow(/The lexicon thread stopped: it exited with code 1/);
    const [again] = await component.scoreBatch(['k1ke']);
    expect(again?.scores.antisemitism).toBe(0.95);
  });
});

describe('the classifier with its lexicon on a thread', () => {
  it('classifies exactly as with the lexicon in the process', async () => {
    const threaded = await createClassifier(config(), {}, { lexiconThread: true });
    const inProcess = await createClassifier(config(), {});
    expect(threaded.versions).toEqual(inProcess.versions);
    expect(Object.keys(threaded.versions)).toContain('model');
    const texts = [...seedComments, ...coded];
    expect(await threaded.classify(texts)).toEqual(await inProcess.classify(texts));
  });
});
