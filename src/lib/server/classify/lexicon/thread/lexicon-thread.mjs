// The lexicon thread's entry: plain JavaScript, so that a worker thread can start it under
// tsx, vitest or bare Node alike; it registers tsx's loader and then loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./lexicon-thread.ts');
