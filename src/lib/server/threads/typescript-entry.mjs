// The entry of every worker thread: plain JavaScript, so a thread starts the same under
// tsx, vitest or bare Node. It registers tsx's loader, then loads the TypeScript module
// the thread was started for (workerData.module, a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
