/** The CLI as a person runs it: a child process on an embedded database in `dataDir`. */
import { spawn } from 'node:child_process';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(dataDir: string, args: string[], stdin = ''): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, THREADWATCH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
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
