/**
 * The one place that reads the environment. Parsed once with zod so that a bad value fails
 * at start-up with a message naming the variable, not later in a request.
 */
import { z } from 'zod';
import { LABELS, type Label } from './classify/types';

const MEGABYTE = 1024 * 1024;

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  THREADWATCH_DATA_DIR: z.string().trim().min(1).default('./data'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // adapter-node's own: set behind a TLS proxy so the app sees https (Secure cookies, CSRF).
  ORIGIN: z.string().trim().min(1).optional(),
  PROTOCOL_HEADER: z.string().trim().min(1).optional(),
  // adapter-node's own request body limit; unset, `serve` derives it from the document limit.
  BODY_SIZE_LIMIT: z.string().trim().min(1).optional(),
  THREADWATCH_MAX_DOCUMENT_MB: z.coerce.number().positive().max(1024).default(20),
  THREADWATCH_QUEUE_COUNT_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  THREADWATCH_SEEDS_DIR: z.string().trim().min(1).default('./seeds'),
  THREADWATCH_MODELS_DIR: z.string().trim().min(1).default('./models'),
  THREADWATCH_HF_ENDPOINT: z
    .string()
    .trim()
    .refine((url) => /^https?:\/\/[^/]/.test(url), 'must be an http:// or https:// URL')
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://huggingface.co'),
  // Empty means unset, so `THREADWATCH_TRANSFORMERS_MODEL=` in a .env file picks the only one.
  THREADWATCH_TRANSFORMERS_MODEL: z
    .string()
    .trim()
    .transform((id) => id || undefined)
    .optional(),
  ...thresholdVariables()
});

/** THREADWATCH_THRESHOLD_<LABEL>: overrides the threshold chosen on the dev split. */
function thresholdVariables() {
  const probability = z.coerce.number().min(0).max(1).optional();
  return Object.fromEntries(
    LABELS.map((label) => [thresholdVariable(label), probability])
  ) as Record<`THREADWATCH_THRESHOLD_${Uppercase<Label>}`, typeof probability>;
}

/** The environment variable that fixes a label's threshold (the settings page names it). */
export function thresholdVariable(label: Label): `THREADWATCH_THRESHOLD_${Uppercase<Label>}` {
  return `THREADWATCH_THRESHOLD_${label.toUpperCase() as Uppercase<Label>}`;
}

export interface Config {
  /** PostgreSQL server; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Embedded database files live in `${dataDir}/pglite`. */
  dataDir: string;
  host: string;
  port: number;
  /** adapter-node's ORIGIN / PROTOCOL_HEADER: whether a proxy tells the app its public origin. */
  publicOriginConfigured: boolean;
  maxDocumentBytes: number;
  /** How far the queue page counts before it says "more than" (exact on request). */
  queueCountLimit: number;
  /** Whether the operator set adapter-node's BODY_SIZE_LIMIT (else `serve` fits it to uploads). */
  bodySizeLimitConfigured: boolean;
  seedsDir: string;
  /** Trained weights and transformers.js model folders (`<modelsDir>/<org>/<name>`). */
  modelsDir: string;
  /** Where `models pull` downloads from; nothing else in threadwatch uses the network. */
  hfEndpoint: string;
  /** The transformers.js model to use (`Xenova/toxic-bert`); unset: the only one present. */
  transformersModel: string | undefined;
  /** Per-label thresholds set in the environment; the rest come from models/thresholds.json. */
  thresholds: Partial<Record<Label, number>>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`
    );
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  return {
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.THREADWATCH_DATA_DIR,
    host: vars.HOST,
    port: vars.PORT,
    publicOriginConfigured: vars.ORIGIN !== undefined || vars.PROTOCOL_HEADER !== undefined,
    maxDocumentBytes: Math.round(vars.THREADWATCH_MAX_DOCUMENT_MB * MEGABYTE),
    queueCountLimit: vars.THREADWATCH_QUEUE_COUNT_LIMIT,
    bodySizeLimitConfigured: vars.BODY_SIZE_LIMIT !== undefined,
    seedsDir: vars.THREADWATCH_SEEDS_DIR,
    modelsDir: vars.THREADWATCH_MODELS_DIR,
    hfEndpoint: vars.THREADWATCH_HF_ENDPOINT,
    transformersModel: vars.THREADWATCH_TRANSFORMERS_MODEL,
    thresholds: Object.fromEntries(
      LABELS.flatMap((label) => {
        const value = vars[thresholdVariable(label)];
        return value === undefined ? [] : [[label, value]];
      })
    )
  };
}

let cached: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
