import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleClassifier } from '../../../src/lib/server/classify/classifier';
import {
  chooseTransformersModel,
  discoverTransformersModels,
  ModelSelectionError,
  type DiscoveredModel
} from '../../../src/lib/server/classify/transformers/discover';
import { loadTransformersComponent } from '../../../src/lib/server/classify/transformers';
import { LABELS, type LabelScores } from '../../../src/lib/server/classify/types';
import { writeTinyTextClassifierInto } from '../../helpers/tiny-text-classifier';

let modelsRoot: string;

beforeAll(async () => {
  await mkdir(join(tmpdir(), 'threadwatch-test'), { recursive: true });
  modelsRoot = await mkdtemp(join(tmpdir(), 'threadwatch-test', 'discover-'));
  await writeTinyTextClassifierInto(modelsRoot, { id: 'tiny-toxic' });
  await writeTinyTextClassifierInto(modelsRoot, {
    id: 'org/tiny-quantized',
    onnxFile: 'model_quantized.onnx'
  });

  // Config and tokenizer but no ONNX weights: transformers.js could only fetch them remotely.
  const noWeights = await writeTinyTextClassifierInto(modelsRoot, { id: 'org/no-weights' });
  await rm(join(noWeights.modelDir, 'onnx'), { recursive: true });
  // A base model, not a classifier head.
  const encoder = await writeTinyTextClassifierInto(modelsRoot, { id: 'encoder-only' });
  await writeFile(
    join(encoder.modelDir, 'config.json'),
    JSON.stringify({ architectures: ['BertModel'], id2label: {} })
  );
  // A pull in progress, and one of the project's trained models, share the root.
  await writeTinyTextClassifierInto(modelsRoot, { id: '.pull-abc123' });
  await mkdir(join(modelsRoot, 'ngram'), { recursive: true });
  await writeFile(join(modelsRoot, 'ngram', 'MODEL_CARD.md'), '# ngram\n');
});

afterAll(async () => {
  await rm(modelsRoot, { recursive: true, force: true });
});

describe('discoverTransformersModels', () => {
  it('finds complete classification folders one or two levels down, and nothing else', async () => {
    const found = await discoverTransformersModels(modelsRoot);
    expect(found.map((model) => model.id)).toEqual(['org/tiny-quantized', 'tiny-toxic']);
    expect(found.map((model) => model.folder.quantized)).toEqual([true, false]);
  });

  it('finds nothing where the models root does not exist', async () => {
    expect(await discoverTransformersModels(join(modelsRoot, 'absent'))).toEqual([]);
  });
});

describe('chooseTransformersModel', () => {
  const model = (id: string) => ({ id }) as DiscoveredModel;

  it('picks the configured model, with or without stray slashes', () => {
    const models = [model('a'), model('org/b')];
    expect(chooseTransformersModel(models, 'org/b')?.id).toBe('org/b');
    expect(chooseTransformersModel(models, '/org/b/')?.id).toBe('org/b');
  });

  it('picks the only model when none is configured, and none when there is none', () => {
    expect(chooseTransformersModel([model('a')], undefined)?.id).toBe('a');
    expect(chooseTransformersModel([], undefined)).toBeUndefined();
  });

  it('refuses to guess between several, or to stand in for a missing configured one', () => {
    expect(() => chooseTransformersModel([model('a'), model('b')], undefined)).toThrow(
      /THREADWATCH_TRANSFORMERS_MODEL/
    );
    expect(() => chooseTransformersModel([model('a')], 'Xenova/toxic-bert')).toThrow(
      ModelSelectionError
    );
  });
});

describe('loadTransformersComponent', () => {
  it('loads the configured model, and the assembled classifier flags by it', async () => {
    const component = await loadTransformersComponent({
      modelsDir: modelsRoot,
      transformersModel: 'org/tiny-quantized'
    });
    expect(component?.version).toMatch(/^org\/tiny-quantized@[0-9a-f]{8}$/);

    const thresholds = Object.fromEntries(LABELS.map((label) => [label, 0.5])) as LabelScores;
    const classifier = assembleClassifier([component!], thresholds);
    const [hateful, clean] = await classifier.classify(['you hateword', 'good morning']);
    expect(hateful!.flagged).toEqual(['toxicity', 'identity_attack']);
    expect(clean!.flagged).toEqual([]);
    expect(hateful!.versions).toEqual({ transformers: component!.version });
  });

  it('is absent when the models root holds no transformers.js model', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'threadwatch-test', 'empty-'));
    try {
      expect(
        await loadTransformersComponent({ modelsDir: empty, transformersModel: undefined })
      ).toBeUndefined();
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
