/**
 * The trained model as a classifier component (kind 'model'): loads a saved model folder
 * and scores the labels it was trained for with calibrated probabilities. Labels it does
 * not score (profanity, insult, and any dropped on dev) are absent from its results, as the
 * contract asks, so fusion leaves them to the other components. For a flagged label the
 * words the n-gram head weighed most come back as spans.
 */
import type { ClassifierComponent, ComponentResult, Label, Span } from '../types';
import { loadModel } from './model-files';
import { explainNgramHead } from './ngram-spans';
import { embedTexts } from './sentence-encoder';
import {
  calibratedScore,
  ngramFeatures,
  sentenceFeatures,
  usesSentenceHeads,
  type LabelModel,
  type TextFeatures,
  type TrainedModel
} from './trained-model';

/** Where `train` writes by default and the component looks by default (relative to the repo root). */
export const DEFAULT_MODEL_DIR = 'models/threadwatch-ngram';

export async function createModelComponent(
  dir: string = DEFAULT_MODEL_DIR
): Promise<ClassifierComponent> {
  return modelComponent(await loadModel(dir));
}

export function modelComponent(model: TrainedModel): ClassifierComponent {
  const labels = Object.entries(model.labels) as [Label, LabelModel][];
  const needsEmbeddings = usesSentenceHeads(model);
  return {
    kind: 'model',
    version: model.version,
    async scoreBatch(texts: readonly string[]): Promise<ComponentResult[]> {
      const embeddings = needsEmbeddings ? await embedTexts(texts) : undefined;
      return texts.map((text, index) => {
        const embedding = embeddings?.[index];
        const features: TextFeatures = {
          ngram: ngramFeatures(model, text),
          ...(embedding ? { sentence: sentenceFeatures(embedding) } : {})
        };
        const scores: ComponentResult['scores'] = {};
        const spans: Span[] = [];
        for (const [label, labelModel] of labels) {
          const score = calibratedScore(labelModel, features);
          scores[label] = score;
          // Explain only what is flagged: spans on a clean comment would only distract.
          const head = labelModel.heads.ngram;
          if (head && score >= labelModel.threshold)
            spans.push(...explainNgramHead(text, label, head, model.hashing));
        }
        return { scores, spans };
      });
    }
  };
}
