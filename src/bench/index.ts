/**
 * `npm run bench`: runs the benchmarks, prints a table and writes the results with the
 * machine they came from to data/bench/results.json. Numbers are never asserted in tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { measureClassifyThroughput } from './classify-throughput';
import { machine } from './machine';
import { measureParseThroughput } from './parse-throughput';

const OUT_DIR = 'data/bench';

process.stderr.write(
  `bench: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`
);
const parse = await measureParseThroughput();

console.table(
  parse.map((result) => ({
    parse: result.corpus,
    files: result.files,
    'KB per pass': Math.round(result.bytes / 1000),
    passes: result.passes,
    'MB/s': Number(result.megabytesPerSecond.toFixed(2))
  }))
);

const classify = await measureClassifyThroughput();
console.table(
  classify.map((result) => ({
    classify: result.what,
    comments: result.comments,
    'comments/s': Math.round(result.commentsPerSecond)
  }))
);

await mkdir(OUT_DIR, { recursive: true });
const file = `${OUT_DIR}/results.json`;
await writeFile(
  file,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, parse, classify }, null, 2)}\n`
);
process.stderr.write(`bench: wrote ${file}\n`);
