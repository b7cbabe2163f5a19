/**
 * An on-disk cache of sentence embeddings, keyed by a hash of the text, so that a second
 * `train` run does not pay ~15 ms per comment again. One append-only file per encoder:
 * records of [20-byte SHA-1 of the text][dimension × float32]. A record cut short by a
 * killed run is ignored on load, so appending is safe without locks (one trainer at a time).
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const KEY_BYTES = 20;

export function textKey(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  private constructor(
    private readonly file: string,
    readonly dimension: number
  ) {}

  /** Opens (and reads) the cache file; a missing file is an empty cache. */
  static async open(file: string, dimension: number): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(file, dimension);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return cache;
      throw error;
    }
    const recordBytes = KEY_BYTES + dimension * 4;
    for (let at = 0; at + recordBytes <= bytes.length; at += recordBytes) {
      const key = bytes.subarray(at, at + KEY_BYTES).toString('hex');
      // Copy: the Buffer may not be 4-byte aligned for a Float32Array view.
      const vector = new Float32Array(dimension);
      new Uint8Array(vector.buffer).set(bytes.subarray(at + KEY_BYTES, at + recordBytes));
      cache.vectors.set(key, vector);
    }
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(textKey(text));
  }

  /** Remembers and appends a batch of (text, vector) pairs in one write. */
  async add(entries: ReadonlyArray<readonly [string, Float32Array]>): Promise<void> {
    if (entries.length === 0) return;
    const chunks: Buffer[] = [];
    for (const [text, vector] of entries) {
      if (vector.length !== this.dimension) throw new Error('embedding of the wrong dimension');
      const key = textKey(text);
      this.vectors.set(key, vector);
      chunks.push(
        Buffer.from(key, 'hex'),
        Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)
      );
    }
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, Buffer.concat(chunks));
  }
}
