import { describe, expect, it } from 'vitest';
import { assembleClassifier } from '../../src/lib/server/classify/classifier';
import {
  chooseFusedThresholds,
  MIN_DEV_POSITIVES
} from '../../src/lib/server/classify/fused-thresholds';
import { createLexiconComponent } from '../../src/lib/server/classify/lexicon/component';
import type { LabelledRow } from '../../src/lib/server/classify/model/dataset';
import { resolveThresholds } from '../../src/lib/server/classify/thresholds';

const row = (
  id: string,
  text: string,
  antisemitism: 0 | 1 | null,
  toxicity: 0 | 1 | null
): LabelledRow =>
  ({
    id,
    source: 'test',
    text,
    labels: {
      toxicity,
      profanity: null,
      insult: null,
      threat: null,
      identity_attack: null,
      antisemitism
    }
  }) as LabelledRow;

describe('chooseFusedThresholds', () => {
  it('picks each labelled label’s threshold on the fused scores, skipping labels without verdicts', async () => {
    // The real lexicon, fused: coded terms score high, plain text scores 0.
    const classifier = assembleClassifier([createLexiconComponent()], resolveThresholds(null));
    const coded = Array.from({ length: MIN_DEV_POSITIVES }, (_, index) =>
      row(
        `coded-${index}`,
        index % 2 ? 'The (((globalists))) own every paper.' : 'k.i.k.e.s out',
        1,
        1
      )
    );
    const dev = [
      ...coded,
      row('plain-1', 'Lovely weather in Tel Aviv today.', 0, 0),
      row('plain-2', 'The council voted on the budget.', 0, 0),
      row('plain-3', 'Nothing to see here.', 0, null)
    ];
    const file = await chooseFusedThresholds(
      classifier,
      dev,
      ['antisemitism', 'toxicity', 'threat'],
      {
        chosenOn: 'test dev'
      }
    );
    expect(file.chosenOn).toBe('test dev');
    // threat has no verdicts at all and keeps the default.
    expect(Object.keys(file.thresholds).sort()).toEqual(['antisemitism', 'toxicity']);
    expect(file.thresholds.antisemitism).toBeGreaterThan(0);
    expect(file.metrics?.antisemitism).toMatchObject({
      f1: 1,
      precision: 1,
      recall: 1,
      positives: MIN_DEV_POSITIVES,
      negatives: 3
    });
    expect(file.metrics?.toxicity).toMatchObject({ positives: MIN_DEV_POSITIVES, negatives: 2 });
  });

  it('leaves a label with too few dev positives at the default', async () => {
    const classifier = assembleClassifier([createLexiconComponent()], resolveThresholds(null));
    const dev = [
      ...Array.from({ length: MIN_DEV_POSITIVES - 1 }, (_, index) =>
        row(`p${index}`, 'k1ke', 1, null)
      ),
      row('n', 'hello', 0, null)
    ];
    const file = await chooseFusedThresholds(classifier, dev, ['antisemitism'], { chosenOn: 'x' });
    expect(file.thresholds).toEqual({});
  });
});
