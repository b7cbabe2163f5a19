/**
 * `eval <file.jsonl>`: score every row of a labelled file (the datasets' shape) with the
 * full classifier — every component, fused, at the thresholds in force — and print
 * per-label metrics as JSON on stdout, nothing else. Progress goes to stderr on a terminal.
 */
import type { Command } from 'commander';
import { createClassifier } from '../../lib/server/classify';
import { config } from '../../lib/server/config';
import { readLabelledFile } from '../../lib/server/classify/model/dataset';
import { evaluateLabelled } from '../../lib/server/classify/model/labelled-evaluation';
import type { LabelScores } from '../../lib/server/classify/types';
import { startProgress } from '../progress';

const BATCH_SIZE = 64;

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('print per-label metrics of the full classifier on a labelled .jsonl file')
    .argument('<file>', 'JSON lines: {"id","source","text","labels":{label: 1|0|null}}')
    .action(async (file: string) => {
      const rows = await readLabelledFile(file);
      const classifier = await createClassifier(config(), {}, { lexiconThread: true });
      const scores: LabelScores[] = [];
      const progress = startProgress(Math.ceil(rows.length / BATCH_SIZE), 'eval');
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const batch = rows.slice(start, start + BATCH_SIZE).map((row) => row.text);
        for (const classification of await classifier.classify(batch))
          scores.push(classification.scores);
        progress.tick(`${Math.min(start + BATCH_SIZE, rows.length)} rows`);
      }
      progress.stop();
      const metrics = evaluateLabelled(rows, scores, classifier.thresholds);
      process.stdout.write(`${JSON.stringify(metrics, null, 2)}\n`);
    });
}
