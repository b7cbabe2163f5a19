/**
 * The CLI as a person runs it: a child process, stdin piped in, stdout and stderr
 * collected. With `dataDir` it works on an embedded database there (DATABASE_URL unset);
 * without, it inherits the environment (commands that need no database). `env` adds to or
 * overrides the environment (e.g. a DATABASE_URL).
 */
import { spawn } from 'node:child_process';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  {
    dataDir,
    stdin = '',
    env: extraEnv = {}
  }: { dataDir?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  if (dataDir !== undefined) {
    env.THREADWATCH_DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', failed);
    child.once('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
