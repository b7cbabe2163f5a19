/**
 * Writes a real, tiny transformers.js text-classification model: config.json with
 * toxic-bert's six labels (multi-label), a WordPiece tokenizer.json and an ONNX graph
 * (embedding → masked mean → linear → logits) with seeded random weights.
 *
 * The weights are random except two designed signals, so tests can assert what the
 * wiring must produce: "hateword" drives the toxic and identity_hate logits high,
 * "swearword" the obscene logit; every other text stays well under 0.5 on every label.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeOnnxModel, type OnnxGraph } from './onnx-protobuf';
import { tinyTokenizerConfig, tinyTokenizerJson, tinyVocabulary } from './tiny-tokenizer';
// The training code's seeded generator, so every run writes the same weights.
import { seededRandom } from '../../src/lib/server/classify/model/random';

export const TINY_LABELS = [
  'toxic',
  'severe_toxic',
  'obscene',
  'threat',
  'insult',
  'identity_hate'
] as const;

/** Tokens per text, [CLS] and [SEP] included; longer texts must be truncated. */
export const TINY_MAX_LENGTH = 32;

const HIDDEN = 8;
const HATE_DIM = 0;
const SWEAR_DIM = 1;
const SIGNAL = 8;
const BIAS = -2;

export interface TinyModelOptions {
  /** Folder name under the models root; may hold a slash (`org/name`). */
  id?: string;
  /** `model.onnx` or `model_quantized.onnx` (the bytes are the same, unquantized). */
  onnxFile?: string;
  /** Written as threadwatch-labels.json when given. */
  labelOverrides?: Record<string, string | null>;
  /** Leave model_max_length out of tokenizer_config.json, as some exports do. */
  tokenizerWithoutLimit?: boolean;
}

export interface TinyModel {
  modelsRoot: string;
  modelDir: string;
  id: string;
}

/** A fresh models root under `<tmp>/threadwatch-test/` holding one tiny model. */
export async function writeTinyTextClassifier(options: TinyModelOptions = {}): Promise<TinyModel> {
  const base = join(tmpdir(), 'threadwatch-test');
  await mkdir(base, { recursive: true });
  const modelsRoot = await mkdtemp(join(base, 'models-'));
  return writeTinyTextClassifierInto(modelsRoot, options);
}

export async function writeTinyTextClassifierInto(
  modelsRoot: string,
  {
    id = 'tiny-toxic',
    onnxFile = 'model.onnx',
    labelOverrides,
    tokenizerWithoutLimit
  }: TinyModelOptions = {}
): Promise<TinyModel> {
  const modelDir = join(modelsRoot, id);
  await mkdir(join(modelDir, 'onnx'), { recursive: true });
  const vocabulary = tinyVocabulary();
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  await writeFile(join(modelDir, 'config.json'), json(tinyConfig(vocabulary.size)));
  await writeFile(join(modelDir, 'tokenizer.json'), json(tinyTokenizerJson(vocabulary)));
  await writeFile(
    join(modelDir, 'tokenizer_config.json'),
    json(tinyTokenizerConfig(tokenizerWithoutLimit ? undefined : TINY_MAX_LENGTH))
  );
  await writeFile(join(modelDir, 'onnx', onnxFile), encodeOnnxModel(tinyGraph(vocabulary)));
  if (labelOverrides)
    await writeFile(join(modelDir, 'threadwatch-labels.json'), json(labelOverrides));
  return { modelsRoot, modelDir, id };
}

function tinyConfig(vocabSize: number): unknown {
  return {
    model_type: 'bert',
    architectures: ['BertForSequenceClassification'],
    problem_type: 'multi_label_classification',
    id2label: Object.fromEntries(TINY_LABELS.map((label, index) => [String(index), label])),
    label2id: Object.fromEntries(TINY_LABELS.map((label, index) => [label, index])),
    vocab_size: vocabSize,
    hidden_size: HIDDEN,
    max_position_embeddings: TINY_MAX_LENGTH
  };
}

function tinyGraph(vocabulary: Map<string, number>): OnnxGraph {
  const random = seededRandom(20_240_611);
  const noise = (scale: number) => (random() - 0.5) * 2 * scale;
  const labelIndex = (label: (typeof TINY_LABELS)[number]) => TINY_LABELS.indexOf(label);

  // Noise lives in the non-signal dimensions only, so it can never reach ±0.9 in a logit.
  const embedding: number[] = [];
  for (const token of [...vocabulary.keys()]) {
    const row = Array.from({ length: HIDDEN }, (_, dim) => (dim < 2 ? 0 : noise(0.5)));
    if (token === 'hateword') row[HATE_DIM] = SIGNAL;
    if (token === 'swearword') row[SWEAR_DIM] = SIGNAL;
    embedding.push(...row);
  }
  const weights: number[] = [];
  for (let dim = 0; dim < HIDDEN; dim++) {
    const row = TINY_LABELS.map(() => (dim < 2 ? 0 : noise(0.3)));
    if (dim === HATE_DIM) row[labelIndex('toxic')] = row[labelIndex('identity_hate')] = 4;
    if (dim === SWEAR_DIM) row[labelIndex('obscene')] = 4;
    weights.push(...row);
  }

  const labels = TINY_LABELS.length;
  return {
    opset: 13,
    inputs: [
      { name: 'input_ids', type: 'int64', shape: ['batch', 'sequence'] },
      { name: 'attention_mask', type: 'int64', shape: ['batch', 'sequence'] }
    ],
    outputs: [{ name: 'logits', type: 'float', shape: ['batch', labels] }],
    initializers: [
      { name: 'embeddings', type: 'float', dims: [vocabulary.size, HIDDEN], values: embedding },
      { name: 'classifier_weight', type: 'float', dims: [HIDDEN, labels], values: weights },
      {
        name: 'classifier_bias',
        type: 'float',
        dims: [labels],
        values: TINY_LABELS.map(() => BIAS)
      },
      { name: 'axis_1', type: 'int64', dims: [1], values: [1] },
      { name: 'axis_2', type: 'int64', dims: [1], values: [2] }
    ],
    // A masked mean over the tokens, so padding in a batch changes nothing.
    nodes: [
      { op: 'Gather', inputs: ['embeddings', 'input_ids'], outputs: ['token_vectors'] },
      { op: 'Cast', inputs: ['attention_mask'], outputs: ['mask'], ints: { to: 1 } },
      { op: 'Unsqueeze', inputs: ['mask', 'axis_2'], outputs: ['mask_3d'] },
      { op: 'Mul', inputs: ['token_vectors', 'mask_3d'], outputs: ['masked_vectors'] },
      {
        op: 'ReduceSum',
        inputs: ['masked_vectors', 'axis_1'],
        outputs: ['summed'],
        ints: { keepdims: 0 }
      },
      {
        op: 'ReduceSum',
        inputs: ['mask', 'axis_1'],
        outputs: ['token_count'],
        ints: { keepdims: 1 }
      },
      { op: 'Div', inputs: ['summed', 'token_count'], outputs: ['pooled'] },
      { op: 'MatMul', inputs: ['pooled', 'classifier_weight'], outputs: ['projected'] },
      { op: 'Add', inputs: ['projected', 'classifier_bias'], outputs: ['logits'] }
    ]
  };
}
