/**
 * The lexicon as a component that scores on a worker thread, so the classifier runs it
 * beside the model (which keeps the process's own thread) instead of after it. Run one
 * after the other, the lexicon adds about an eighth to the model's time per comment, which
 * alone holds the classifier under 90 % of the model's throughput; beside it, the classifier
 * costs the slower of the two plus fusion. Results are the in-process component's, bit for
 * bit: the thread runs the same scoreText on a structured clone of the same compiled lexicon.
 *
 * One thread per process, started on first use (threads/request-thread.ts: unreferenced
 * while idle; if it dies, the batches waiting on it fail with the reason, a job worker
 * retries them, and the next batch starts a new thread and sends its lexicon again).
 */
import { startRequestThread, type RequestThread } from '../../../threads/request-thread';
import type { ClassifierComponent, ComponentResult } from '../../types';
import type { CompiledLexicon } from '../compile';
import { LEXICON_KIND, lexiconComponentVersion } from '../component';
import type { ToLexiconThread } from './protocol';

/** In a variable so that Vite's asset pass leaves this URL alone when the app is built. */
const THREAD_BODY = './lexicon-thread.ts';

let thread: { requests: RequestThread; holds: Set<number> } | undefined;
let nextKey = 1;

/** A lexicon component no longer in use has its lexicon dropped from the thread too. */
const forgetting = new FinalizationRegistry<number>((key) => {
  if (thread?.holds.delete(key)) send({ type: 'forget', key });
});

export function createThreadedLexiconComponent(lexicon: CompiledLexicon): ClassifierComponent {
  const key = nextKey++;
  const component: ClassifierComponent = {
    kind: LEXICON_KIND,
    version: lexiconComponentVersion(lexicon.version),
    async scoreBatch(texts: readonly string[]): Promise<ComponentResult[]> {
      if (texts.length === 0) return [];
      const current = lexiconThread();
      if (!current.holds.has(key)) {
        send({ type: 'lexicon', key, lexicon });
        current.holds.add(key);
      }
      const score: ToLexiconThread = { type: 'score', key, texts };
      return current.requests.request<ComponentResult[]>(score);
    }
  };
  forgetting.register(component, key);
  return component;
}

/** Ends the thread (for tests: an idle thread never keeps a process alive); the next batch starts another. */
export async function stopLexiconThread(): Promise<void> {
  await thread?.requests.stop();
}

function lexiconThread(): NonNullable<typeof thread> {
  if (!thread?.requests.alive)
    thread = {
      requests: startRequestThread(new URL(THREAD_BODY, import.meta.url), 'lexicon'),
      holds: new Set()
    };
  return thread;
}

function send(message: ToLexiconThread): void {
  thread?.requests.post(message);
}
