/**
 * `npm start` end to end: builds, migrates a fresh embedded database, ingests the seeds
 * because the database is empty, creates the first admin and prints its password once,
 * serves the dashboard and prints its URL. Signed in through the login form, the page must
 * list the five seed articles with their comment counts; signed out, it sends you to log in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const URL_LINE = /threadwatch is running at (http:\/\/\S+)/;
const ADMIN_LINE = /created the first admin: name admin, password (\S+) \(shown once/;

/** POSTs the login form the way a browser on the same origin (or another one) would. */
function postLogin(url: string, fields: Record<string, string>, origin = new URL(url).origin) {
  return fetch(new URL('/login', url), {
    method: 'POST',
    // A browser's Accept: without text/html SvelteKit answers as to use:enhance, in JSON.
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
    body: new URLSearchParams(fields),
    redirect: 'manual'
  });
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'threadwatch-start-'));
  let server: ChildProcess;
  let url: string;
  let output = '';
  let adminPassword: string;
  /** `tw_session=…` from signing in as the first admin. */
  let cookie: string;
  const signedIn = (path = '') => fetch(new URL(path, url), { headers: { cookie } });

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
    adminPassword = ADMIN_LINE.exec(output)?.[1] ?? '';
    const login = await postLogin(url, { name: 'admin', password: adminPassword });
    expect(login.status).toBe(303);
    cookie = /^(tw_session=[^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
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

  it('prints the first admin password once, and signs in with it', () => {
    expect(adminPassword).toMatch(/^[\w-]{24}$/);
    expect(output.split(adminPassword)).toHaveLength(2);
    expect(cookie).toMatch(/^tw_session=[\w-]+$/);
  });

  it('sends a visitor without a session to the login page', async () => {
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    const login = await fetch(new URL('/login', url));
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('Sign in');
  });

  it('sets the session cookie httpOnly and SameSite=Lax, not Secure over plain http', async () => {
    const response = await postLogin(url, { name: 'admin', password: adminPassword });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    // A new login is a new session: the earlier cookie is not reused.
    expect(setCookie.startsWith(`${cookie};`)).toBe(false);
  });

  it('refuses a cross-origin form POST (CSRF)', async () => {
    const response = await postLogin(
      url,
      { name: 'admin', password: adminPassword },
      'http://evil.example'
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('serves the five seed articles with their comment counts', async () => {
    const response = await signedIn();
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
    // The header shows who is signed in, and never a hash.
    expect(html).toMatch(/admin\s*<span class="role[^"]*">\(admin\)/);
    expect(html).not.toContain('scrypt$');
  });

  it('classifies the seed comments with its in-process worker', async () => {
    const cell = (row: string, name: string) =>
      Number(new RegExp(`class="number ${name}[^"]*">(\\d+)<`).exec(row)?.[1]);
    let seedRow = '';
    // Bounded poll: the worker loads the classifier, then scores 33 comments.
    for (let attempt = 0; attempt < 120; attempt++) {
      const html = await (await signedIn()).text();
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

  it('signs out: the session no longer works', async () => {
    const login = await postLogin(url, { name: 'admin', password: adminPassword });
    const session = /^(tw_session=[^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const logout = await fetch(new URL('/logout', url), {
      method: 'POST',
      headers: {
        cookie: session,
        origin: new URL(url).origin,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html'
      },
      body: '',
      redirect: 'manual'
    });
    expect(logout.status).toBe(303);
    expect(logout.headers.get('set-cookie')).toMatch(/tw_session=;/);
    const after = await fetch(url, { headers: { cookie: session }, redirect: 'manual' });
    expect(after.status).toBe(303);
  });

  // Last of the HTTP tests: it locks this address out of signing in for a minute.
  it('throttles the sixth failed login within a minute, with Retry-After', async () => {
    for (let failure = 0; failure < 5; failure++) {
      const wrong = await postLogin(url, { name: 'admin', password: 'not the password' });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('Wrong name or password.');
    }
    const sixth = await postLogin(url, { name: 'admin', password: adminPassword });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await sixth.text()).toMatch(/Too many failed sign-ins\. Try again in \d+ seconds\./);
    expect(sixth.headers.get('set-cookie')).toBeNull();
  });

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
