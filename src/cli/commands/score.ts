/**
 * `score`: JSON lines `{"id", "text"}` on stdin, one result line per input on stdout, in
 * order, and nothing else there. Needs no database. A malformed line is reported on stderr
 * with its line number and skipped; the exit status is then 1.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createClassifier } from '../../lib/server/classify';
import { config } from '../../lib/server/config';
import { scoreLines } from '../../lib/server/classify/score-lines';
import { positiveInteger } from '../number-options';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'score JSON lines {"id","text"} from stdin; print {"id","scores","flagged","spans"}'
    )
    .option('--batch-size <n>', 'texts classified together', positiveInteger, 64)
    .action(async (options: { batchSize: number }) => {
      const classifier = await createClassifier(config(), {}, { lexiconThread: true });
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      const { rejected } = await scoreLines(lines, classifier, {
        batchSize: options.batchSize,
        write: (line) => process.stdout.write(`${line}\n`),
        reject: (lineNumber, reason) =>
          process.stderr.write(`threadwatch: stdin line ${lineNumber} skipped: ${reason}\n`)
      });
      if (rejected > 0) process.exitCode = 1;
    });
}
