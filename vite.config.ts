import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Tests that build and serve the app share build/: they run one file at a time so a
// rebuild never swaps the bundle under a running server. Everything else runs in parallel.
const SERVED_APP_TESTS = [
  'tests/app/**/*.test.ts',
  'tests/e2e/**/*.test.ts',
  'tests/security/**/*.test.ts',
  'tests/load/**/*.test.ts',
  'tests/robustness/upload-fuzz.test.ts'
];

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    environment: 'node',
    // Storage tests open real databases (PGlite in-process, PostgreSQL over TCP);
    // give slow CI machines room without hiding hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['tests/**/*.test.ts'], exclude: SERVED_APP_TESTS }
      },
      {
        extends: true,
        test: { name: 'app', include: SERVED_APP_TESTS, fileParallelism: false }
      }
    ]
  }
});
