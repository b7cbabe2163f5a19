/**
 * The one place that reads the environment. Parsed once with zod so that a bad value fails
 * at start-up with a message naming the variable, not later in a request.
 */
import { z } from 'zod';

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
  THREADWATCH_MAX_DOCUMENT_MB: z.coerce.number().positive().max(1024).default(20),
  THREADWATCH_SEEDS_DIR: z.string().trim().min(1).default('./seeds')
});

export interface Config {
  /** PostgreSQL server; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Embedded database files live in `${dataDir}/pglite`. */
  dataDir: string;
  host: string;
  port: number;
  maxDocumentBytes: number;
  seedsDir: string;
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
    maxDocumentBytes: Math.round(vars.THREADWATCH_MAX_DOCUMENT_MB * MEGABYTE),
    seedsDir: vars.THREADWATCH_SEEDS_DIR
  };
}

let cached: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
