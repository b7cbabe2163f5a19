/**
 * Assembles components into a Classifier: each scores the batch, fusion combines them per
 * text, the thresholds turn scores into flags. Pure apart from what the components do.
 */
import { flaggedLabels, fuseScores, type ComponentOutput } from './fuse';
import type { Classification, Classifier, ClassifierComponent, LabelScores } from './types';

export function assembleClassifier(
  components: readonly ClassifierComponent[],
  thresholds: LabelScores
): Classifier {
  const versions = Object.fromEntries(
    components.map((component) => [component.kind, component.version])
  );
  return {
    versions,
    thresholds,
    async classify(texts: readonly string[]): Promise<Classification[]> {
      if (texts.length === 0) return [];
      // All started before any is awaited: a component on a thread of its own (the lexicon,
      // where the caller asked for one) works while the ones on this thread run.
      const perComponent = await Promise.all(
        components.map(async (component) => {
          const results = await component.scoreBatch(texts);
          if (results.length !== texts.length)
            throw new Error(
              `${component.version} returned ${results.length} results for ${texts.length} texts`
            );
          return { kind: component.kind, results };
        })
      );
      const classifications: Classification[] = [];
      for (let index = 0; index < texts.length; index++) {
        const outputs: ComponentOutput[] = [];
        for (const { kind, results } of perComponent)
          outputs.push({ kind, result: results[index]! });
        const { scores, spans } = fuseScores(outputs);
        classifications.push({
          scores,
          flagged: flaggedLabels(scores, thresholds),
          spans,
          versions
        });
      }
      return classifications;
    }
  };
}
