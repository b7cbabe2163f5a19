/**
 * Assembles components into a Classifier: each scores the batch, fusion combines them per
 * text, the thresholds turn scores into flags. Pure apart from what the components do.
 */
import { flaggedLabels, fuseScores } from './fuse';
import type {
  Classification,
  Classifier,
  ClassifierComponent,
  ComponentResult,
  LabelScores
} from './types';

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
      const perComponent: { kind: string; results: ComponentResult[] }[] = [];
      // One after another: the components are CPU-bound on the same thread anyway.
      for (const component of components) {
        const results = await component.scoreBatch(texts);
        if (results.length !== texts.length)
          throw new Error(
            `${component.version} returned ${results.length} results for ${texts.length} texts`
          );
        perComponent.push({ kind: component.kind, results });
      }
      return texts.map((_, index) => {
        const { scores, spans } = fuseScores(
          perComponent.map(({ kind, results }) => ({ kind, result: results[index]! }))
        );
        return { scores, flagged: flaggedLabels(scores, thresholds), spans, versions };
      });
    }
  };
}
