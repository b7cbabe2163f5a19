import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransformersComponent } from '../../../src/lib/server/classify/transformers/backend';
import {
  ModelPullError,
  pullModel,
  type PullProgress
} from '../../../src/lib/server/classify/transformers/pull';
import {
  closedPortEndpoint,
  startLocalModelHub,
  startSilentServer,
  type LocalModelHub
} from '../../helpers/local-model-hub';
import { writeTinyTextClassifier, type TinyModel } from '../../helpers/tiny-text-classifier';

const ID = 'org/tiny-toxic';
let source: TinyModel;
let hub: LocalModelHub;
let modelsDir: string;

beforeAll(async () => {
  source = await writeTinyTextClassifier({ onnxFile: 'model_quantized.onnx' });
  hub = await startLocalModelHub(ID, source.modelDir);
});

afterAll(async () => {
  await hub.close();
  await rm(source.modelsRoot, { recursive: true, force: true });
});

beforeEach(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), 'threadwatch-test', 'pulled-'));
  hub.requests.length = 0;
});

afterEach(async () => {
  await rm(modelsDir, { recursive: true, force: true });
});

function recordingProgress() {
  const events: string[] = [];
  const received = new Map<string, number>();
  const progress: PullProgress = {
    fileStarted: (file, total) => events.push(`start ${file} ${total}`),
    bytesReceived: (file, bytes) => received.set(file, bytes),
    fileFinished: (file) => events.push(`done ${file}`)
  };
  return { events, received, progress };
}

async function pullFailure(options: Parameters<typeof pullModel>[0]): Promise<ModelPullError> {
  const error = await pullModel(options).then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(ModelPullError);
  return error as ModelPullError;
}

describe('pullModel from a hub on 127.0.0.1', () => {
  it('downloads the model files with byte progress, into a folder that loads', async () => {
    const { events, received, progress } = recordingProgress();
    const pulled = await pullModel({
      id: ID,
      endpoint: hub.endpoint,
      modelsDir,
      quantized: true,
      progress
    });

    expect(pulled.dir).toBe(join(modelsDir, 'org', 'tiny-toxic'));
    // special_tokens_map.json is optional: the tiny model has none and the pull goes on.
    expect(pulled.files).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model_quantized.onnx'
    ]);
    for (const file of pulled.files) {
      const size = (await stat(join(source.modelDir, file))).size;
      expect(events).toContain(`start ${file} ${size}`);
      expect(events).toContain(`done ${file}`);
      expect(received.get(file)).toBe(size);
      expect(await readFile(join(pulled.dir, file))).toEqual(
        await readFile(join(source.modelDir, file))
      );
    }
    // The staging folder was renamed into place: nothing else is left in the models root.
    expect(await readdir(modelsDir)).toEqual(['org']);

    const component = await createTransformersComponent(pulled.dir, modelsDir);
    expect(component.version).toMatch(/^org\/tiny-toxic@/);
    const [result] = await component.scoreBatch(['you hateword']);
    expect(result!.scores.toxicity).toBeGreaterThan(0.9);
  });

  it('falls back to the other ONNX file when the preferred one is absent', async () => {
    const pulled = await pullModel({ id: ID, endpoint: hub.endpoint, modelsDir, quantized: false });
    expect(hub.requests).toContain(`/${ID}/resolve/main/onnx/model.onnx`);
    expect(pulled.files).toContain('onnx/model_quantized.onnx');
  });

  it('replaces an earlier copy of the model as a whole', async () => {
    const earlier = join(modelsDir, 'org', 'tiny-toxic');
    await mkdir(earlier, { recursive: true });
    await writeFile(join(earlier, 'stale.txt'), 'from an older pull');
    await pullModel({ id: ID, endpoint: hub.endpoint, modelsDir, quantized: true });
    expect((await readdir(earlier)).sort()).toEqual([
      'config.json',
      'onnx',
      'tokenizer.json',
      'tokenizer_config.json'
    ]);
    expect(await readdir(join(modelsDir, 'org'))).toEqual(['tiny-toxic']);
  });

  it('says "no such model" for an id the hub does not have, leaving nothing behind', async () => {
    const error = await pullFailure({ id: 'org/absent', endpoint: hub.endpoint, modelsDir });
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/^no such model or file: org\/absent has no config\.json/);
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('keeps nothing of a model whose weights are missing, and keeps the earlier copy', async () => {
    const partial = await writeTinyTextClassifier();
    await rm(join(partial.modelDir, 'onnx'), { recursive: true });
    const partialHub = await startLocalModelHub('org/no-weights', partial.modelDir);
    const earlier = join(modelsDir, 'org', 'no-weights');
    await mkdir(earlier, { recursive: true });
    await writeFile(join(earlier, 'config.json'), '{}');
    try {
      const error = await pullFailure({
        id: 'org/no-weights',
        endpoint: partialHub.endpoint,
        modelsDir
      });
      expect(error.code).toBe('not-found');
      expect(error.message).toContain('onnx/model.onnx or onnx/model_quantized.onnx');
      // config.json and the tokenizer were fetched, then discarded with the staging folder.
      expect(await readdir(modelsDir)).toEqual(['org']);
      expect(await readdir(earlier)).toEqual(['config.json']);
      expect(await readFile(join(earlier, 'config.json'), 'utf8')).toBe('{}');
    } finally {
      await partialHub.close();
      await rm(partial.modelsRoot, { recursive: true, force: true });
    }
  });

  it('rejects ids that are not hub ids before any request', async () => {
    const error = await pullFailure({ id: '../escape', endpoint: hub.endpoint, modelsDir });
    expect(error.code).toBe('invalid-id');
    expect(hub.requests).toEqual([]);
  });
});

describe('pullModel offline', () => {
  it('fails at once with one clear line when the connection is refused', async () => {
    const endpoint = await closedPortEndpoint();
    const error = await pullFailure({ id: 'Xenova/toxic-bert', endpoint, modelsDir });
    expect(error.code).toBe('offline');
    expect(error.message).toBe(
      `cannot reach ${endpoint} (ECONNREFUSED): this machine is offline. ` +
        `Download the model elsewhere and copy the folder to ${join(modelsDir, 'Xenova', 'toxic-bert')}`
    );
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('gives up on a host that never answers after the connect deadline', async () => {
    const silent = await startSilentServer();
    try {
      const error = await pullFailure({
        id: ID,
        endpoint: silent.endpoint,
        modelsDir,
        connectTimeoutMs: 200
      });
      expect(error.code).toBe('offline');
      expect(error.message).toContain('(no answer within 200 ms)');
      expect(await readdir(modelsDir)).toEqual([]);
    } finally {
      await silent.close();
    }
  });
});
