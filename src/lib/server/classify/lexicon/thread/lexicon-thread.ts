/**
 * The lexicon thread's body: keeps the lexicons it was sent (structured clones of compiled
 * ones: regular expressions and sets survive the copy) and scores batches against them.
 */
import { parentPort } from 'node:worker_threads';
import type { CompiledLexicon } from '../compile';
import { scoreText } from '../component';
import type { FromThread, ToThread } from './protocol';

const port = parentPort;
if (!port) throw new Error('lexicon-thread.ts runs only as a worker thread');

const lexicons = new Map<number, CompiledLexicon>();

port.on('message', (message: ToThread) => {
  if (message.type === 'lexicon') lexicons.set(message.key, message.lexicon);
  else if (message.type === 'forget') lexicons.delete(message.key);
  else port.postMessage(score(message.id, message.key, message.texts));
});

function score(id: number, key: number, texts: readonly string[]): FromThread {
  const lexicon = lexicons.get(key);
  if (!lexicon) return { id, error: `lexicon ${key} was never sent to this thread` };
  try {
    return { id, results: texts.map((text) => scoreText(text, lexicon)) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
