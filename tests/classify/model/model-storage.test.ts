/** Float16 packing of the weights and the on-disk embedding cache. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../../src/lib/server/classify/model/embedding-cache';
import {
  fromHalfBits,
  roundToHalf,
  toHalfBits
} from '../../../src/lib/server/classify/model/float16';

describe('float16', () => {
  it('packs known values exactly and rounds to nearest even', () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2.5)).toBe(0xc100);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1e6)).toBe(0x7c00);
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00); // halfway: even mantissa wins
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(fromHalfBits(0x0001)).toBe(2 ** -24);
  });

  it('is stable: a rounded value rounds to itself', () => {
    const values = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i) * 10 ** ((i % 9) - 6));
    const once = roundToHalf(values);
    expect(roundToHalf(once)).toEqual(once);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      // 11 significant bits for normal halves; an absolute floor for subnormals.
      expect(Math.abs((once[i] as number) - value)).toBeLessThanOrEqual(
        Math.abs(value) * 2 ** -11 + 2 ** -25
      );
    }
  });
});

describe('EmbeddingCache', () => {
  it('returns what was added, after reopening, and ignores a cut-off record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadwatch-cache-'));
    try {
      const file = join(dir, 'cache.bin');
      const cache = await EmbeddingCache.open(file, 4);
      await cache.add([
        ['first', Float32Array.of(1, 2, 3, 4)],
        ['second', Float32Array.of(5, 6, 7, 8)]
      ]);
      // A killed run leaves half a record behind.
      await writeFile(file, Buffer.concat([await readFile(file), Buffer.alloc(10, 1)]));
      const reopened = await EmbeddingCache.open(file, 4);
      expect(reopened.size).toBe(2);
      expect(reopened.get('second')).toEqual(Float32Array.of(5, 6, 7, 8));
      expect(reopened.get('third')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
