/**
 * Saving and loading a trained model: `manifest.json` (everything but the weight vectors,
 * validated with zod on load) and `weights.bin` (all head weights, float16 little-endian,
 * concatenated; the manifest gives each head's offset and length in values).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LABELS, type Label } from '../types';
import { decodeHalf, encodeHalf } from './float16';
import type { HeadKind, LabelModel, TrainedModel } from './trained-model';

export const MANIFEST_FILE = 'manifest.json';
export const WEIGHTS_FILE = 'weights.bin';
const FORMAT = 'threadwatch-linear-v1';

const HeadSchema = z.object({
  offset: z.number().int().min(0),
  length: z.number().int().min(1),
  bias: z.number()
});

const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  name: z.string().min(1),
  version: z.string().min(1),
  hashing: z.object({
    bits: z.number().int().min(4).max(26),
    charMin: z.number().int().min(1),
    charMax: z.number().int().min(1)
  }),
  encoder: z.string().nullable(),
  labels: z.partialRecord(
    z.enum(LABELS),
    z.object({
      heads: z.object({ ngram: HeadSchema.optional(), sentence: HeadSchema.optional() }),
      calibration: z.discriminatedUnion('method', [
        z.object({
          method: z.literal('isotonic'),
          x: z.array(z.number()),
          y: z.array(z.number().min(0).max(1))
        }),
        z.object({ method: z.literal('platt'), a: z.number(), b: z.number() })
      ]),
      threshold: z.number()
    })
  )
});

type Manifest = z.infer<typeof ManifestSchema>;

export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

export async function saveModel(
  model: TrainedModel,
  dir: string
): Promise<{ weightBytes: number }> {
  const chunks: Uint16Array[] = [];
  let offset = 0;
  const labels: Manifest['labels'] = {};
  for (const [label, labelModel] of Object.entries(model.labels) as [Label, LabelModel][]) {
    const heads: Manifest['labels'][Label] & object = {
      heads: {},
      calibration: labelModel.calibration,
      threshold: labelModel.threshold
    };
    for (const [kind, head] of Object.entries(labelModel.heads) as [
      HeadKind,
      LabelModel['heads'][HeadKind] & object
    ][]) {
      chunks.push(encodeHalf(head.weights));
      heads.heads[kind] = { offset, length: head.weights.length, bias: head.bias };
      offset += head.weights.length;
    }
    labels[label] = heads;
  }
  const manifest: Manifest = {
    format: FORMAT,
    name: model.name,
    version: model.version,
    hashing: model.hashing,
    encoder: model.encoder,
    labels
  };
  const weights = Buffer.concat(
    chunks.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  );
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, WEIGHTS_FILE), weights);
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  return { weightBytes: weights.length };
}

export async function loadModel(dir: string): Promise<TrainedModel> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(manifestPath, 'utf8')));
  if (!parsed.success)
    throw new ModelFileError(`${manifestPath}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const manifest = parsed.data;
  const bytes = await readFile(join(dir, WEIGHTS_FILE));
  // Copy into an aligned buffer: a Buffer's byteOffset need not be even.
  const halves = new Uint16Array(bytes.length / 2);
  new Uint8Array(halves.buffer).set(bytes);
  const labels: TrainedModel['labels'] = {};
  for (const [label, entry] of Object.entries(manifest.labels) as [
    Label,
    NonNullable<Manifest['labels'][Label]>
  ][]) {
    const heads: LabelModel['heads'] = {};
    for (const [kind, head] of Object.entries(entry.heads) as [
      HeadKind,
      z.infer<typeof HeadSchema>
    ][]) {
      if (head.offset + head.length > halves.length)
        throw new ModelFileError(`${dir}: ${WEIGHTS_FILE} is shorter than the manifest says`);
      heads[kind] = {
        weights: decodeHalf(halves.subarray(head.offset, head.offset + head.length)),
        bias: head.bias
      };
    }
    labels[label] = { heads, calibration: entry.calibration, threshold: entry.threshold };
  }
  return {
    name: manifest.name,
    version: manifest.version,
    hashing: manifest.hashing,
    encoder: manifest.encoder,
    labels
  };
}
