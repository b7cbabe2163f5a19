/**
 * The lexicon as a component that scores on a worker thread, so the classifier runs it
 * beside the model (which keeps the process's own thread) instead of after it. Run one
 * after the other, the lexicon adds about an eighth to the model's time per comment, which
 * alone holds the classifier under 90 % of the model's throughput; beside it, the classifier
 * costs the slower of the two plus fusion. Results are the in-process component's, bit for
 * bit: the thread runs the same scoreText on a structured clone of the same compiled lexicon.
 *
 * One thread per process, started on first use and unreferenced while idle, so it never
 * keeps a finished CLI command alive. If it dies, the batches waiting on it fail with the
 * reason (a job worker retries them) and the next batch starts a new thread.
 */
import { Worker } from 'node:worker_threads';
import type { ClassifierComponent, ComponentResult } from '../../types';
import type { CompiledLexicon } from '../compile';
import { LEXICON_KIND } from '../component';
import type { FromThread, ToThread } from './protocol';

/** In a variable so that Vite's asset pass leaves this URL alone when the app is built. */
const THREAD_ENTRY = './lexicon-thread.mjs';

interface Pending {
  resolve: (results: ComponentResult[]) => void;
  reject: (error: Error) => void;
}

interface LexiconThread {
  worker: Worker;
  /** Keys of the lexicons this thread holds. */
  holds: Set<number>;
  pending: Map<number, Pending>;
}

let thread: LexiconThread | undefined;
let nextKey = 1;
let nextRequest = 1;

/** A lexicon component no longer in use has its lexicon dropped from the thread too. */
const forgetting = new FinalizationRegistry<number>((key) => {
  if (thread?.holds.delete(key)) send(thread, { type: 'forget', key });
});

export function createThreadedLexiconComponent(lexicon: CompiledLexicon): ClassifierComponent {
  const key = nextKey++;
  const component: ClassifierComponent = {
    kind: LEXICON_KIND,
    version: `threadwatch-lexicon@${lexicon.version}`,
    scoreBatch(texts: readonly string[]): Promise<ComponentResult[]> {
      if (texts.length === 0) return Promise.resolve([]);
      const current = lexiconThread();
      if (!current.holds.has(key)) {
        send(current, { type: 'lexicon', key, lexicon });
        current.holds.add(key);
      }
      const id = nextRequest++;
      return new Promise((resolve, reject) => {
        if (current.pending.size === 0) current.worker.ref();
        current.pending.set(id, { resolve, reject });
        send(current, { type: 'score', id, key, texts });
      });
    }
  };
  forgetting.register(component, key);
  return component;
}

/** Ends the thread (tests, and a clean shutdown); the next batch starts another. */
export async function stopLexiconThread(): Promise<void> {
  const current = thread;
  if (current) await current.worker.terminate();
}

function lexiconThread(): LexiconThread {
  if (thread) return thread;
  const worker = new Worker(new URL(THREAD_ENTRY, import.meta.url));
  const started: LexiconThread = { worker, holds: new Set(), pending: new Map() };
  worker.unref();
  worker.on('message', (message: FromThread) => settle(started, message));
  worker.on('error', (error) => fail(started, error.message));
  worker.on('exit', (code) => fail(started, `it exited with code ${code}`));
  thread = started;
  return started;
}

function send(target: LexiconThread, message: ToThread): void {
  target.worker.postMessage(message);
}

function settle(from: LexiconThread, message: FromThread): void {
  const waiting = from.pending.get(message.id);
  if (!waiting) return;
  from.pending.delete(message.id);
  if (from.pending.size === 0) from.worker.unref();
  if ('results' in message) waiting.resolve(message.results);
  else waiting.reject(new Error(`The lexicon thread could not score a batch: ${message.error}`));
}

function fail(failed: LexiconThread, reason: string): void {
  if (thread === failed) thread = undefined;
  const error = new Error(`The lexicon thread stopped: ${reason}`);
  for (const waiting of failed.pending.values()) waiting.reject(error);
  failed.pending.clear();
}
