/**
 * `npm start` end to end: builds, migrates a fresh embedded database, ingests the seeds
 * because the database is empty, serves the dashboard and prints its URL. The page must
 * list the five seed articles with their comment counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const URL_LINE = /threadwatch is running at (http:\/\/\S+)/;

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'threadwatch-start-'));
  let server: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', THREADWATCH_DATA_DIR: dataDir };
    delete env.DATABASE_URL; // the quick start runs on the embedded database
    // Its own process group, so teardown reaches the server under npm, sh and tsx.
    server = spawn('npm', ['start', '--silent'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    });
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await new Promise<string>((found, failed) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = URL_LINE.exec(output);
        if (match) found(match[1]!);
      });
      server.once('exit', (code) => failed(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      // The whole group: npm does not always forward SIGTERM to the server, which on
      // SIGTERM closes the database and its lock.
      process.kill(-server.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a loopback URL', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the five seed articles with their comment counts', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const html = await response.text();
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((row) => row[1]!);
    expect(rows).toHaveLength(5);
    const counts = rows.map((row) => Number(/class="number[^"]*">(\d+)</.exec(row)?.[1]));
    expect(counts.sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 33]);
    expect(html).toContain(
      'Trump Campaign Said To Have 18 Previously Undisclosed Russia Contacts: Reuters'
    );
    expect(html).toContain('Russia: We talked with Trump’s team during campaign');
  });

  it('classifies the seed comments with its in-process worker', async () => {
    const cell = (row: string, name: string) =>
      Number(new RegExp(`class="number ${name}[^"]*">(\\d+)<`).exec(row)?.[1]);
    let seedRow = '';
    // Bounded poll: the worker loads the classifier, then scores 33 comments.
    for (let attempt = 0; attempt < 120; attempt++) {
      const html = await (await fetch(url)).text();
      seedRow =
        [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
          .map((row) => row[1]!)
          .find((row) => row.includes('18 Previously Undisclosed')) ?? '';
      if (cell(seedRow, 'scored') === 33) break;
      await new Promise((wait) => setTimeout(wait, 1000));
    }
    expect(cell(seedRow, 'scored')).toBe(33);
    // Seed 004 has coded antisemitism ((((Reuters))) and more): some comments are flagged.
    expect(cell(seedRow, 'flagged')).toBeGreaterThan(0);
  }, 150_000);

  it('keeps other processes off the embedded database while it runs', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, THREADWATCH_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const cli = spawn('npx', ['tsx', 'src/cli/index.ts', 'migrate'], { env });
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => cli.once('exit', done));
    expect(code).toBe(1);
    expect(stderr).toMatch(/in use/i);
  });
});
