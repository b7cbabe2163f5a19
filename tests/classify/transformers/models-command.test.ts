import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerModels } from '../../../src/cli/commands/models';
import { loadConfig } from '../../../src/lib/server/config';
import {
  closedPortEndpoint,
  startLocalModelHub,
  type LocalModelHub
} from '../../helpers/local-model-hub';
import { writeTinyTextClassifier, type TinyModel } from '../../helpers/tiny-text-classifier';

let source: TinyModel;
let hub: LocalModelHub;
let modelsDir: string;

beforeAll(async () => {
  source = await writeTinyTextClassifier();
  hub = await startLocalModelHub('Xenova/tiny-toxic', source.modelDir);
  modelsDir = await mkdtemp(join(tmpdir(), 'threadwatch-test', 'cli-'));
});

afterAll(async () => {
  await hub.close();
  await rm(source.modelsRoot, { recursive: true, force: true });
  await rm(modelsDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `threadwatch models …` in-process against the given endpoint; returns its output. */
async function runModels(args: string[], endpoint: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  const settings = loadConfig({
    THREADWATCH_MODELS_DIR: modelsDir,
    THREADWATCH_HF_ENDPOINT: endpoint
  });
  const program = new Command().exitOverride();
  registerModels(program, () => settings);
  await program.parseAsync(['node', 'threadwatch', 'models', ...args]);
  vi.restoreAllMocks();
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe('threadwatch models', () => {
  it('pull: prints one clear line and exits 1 when the hub cannot be reached', async () => {
    const endpoint = await closedPortEndpoint();
    const { stdout, stderr, exitCode } = await runModels(['pull', 'Xenova/toxic-bert'], endpoint);
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^threadwatch: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): this machine is offline\./
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('list: says how to get a model when there is none', async () => {
    const { stdout } = await runModels(['list'], hub.endpoint);
    expect(stdout).toContain('no transformers.js models under');
    expect(stdout).toContain('models pull Xenova/toxic-bert');
  });

  it('pull then list: the model lands and is listed with its label mapping, in use', async () => {
    const pulled = await runModels(['pull', 'Xenova/tiny-toxic'], hub.endpoint);
    expect(pulled.exitCode).toBeUndefined();
    expect(pulled.stdout).toContain(
      `pulled Xenova/tiny-toxic into ${join(modelsDir, 'Xenova', 'tiny-toxic')}`
    );

    const { stdout } = await runModels(['list'], hub.endpoint);
    expect(stdout).toBe(
      'Xenova/tiny-toxic\tonnx/model.onnx\ttoxic→toxicity, severe_toxic→toxicity, obscene→profanity, ' +
        'threat→threat, insult→insult, identity_hate→identity_attack  (in use)\n'
    );
  });
});
