/** An article's fingerprint: both MinHash signatures and the LSH rows derived from them. */
import { minHashSignature } from './minhash';
import { shingleBands, termBands, type BandBucket } from './lsh';
import { articleFeatures } from './shingles';

export interface Fingerprint {
  shingleSignature: number[];
  termSignature: number[];
}

export interface ArticleFingerprint extends Fingerprint {
  shingleCount: number;
  termCount: number;
  bands: BandBucket[];
}

export function fingerprintArticle(article: {
  title: string | null;
  body: string;
}): ArticleFingerprint {
  const { shingles, terms } = articleFeatures(article);
  const shingleSignature = minHashSignature(shingles);
  const termSignature = minHashSignature(terms);
  return {
    shingleSignature,
    termSignature,
    shingleCount: shingles.size,
    termCount: terms.size,
    // An article without words has no story to share: no bands, so it is nobody's candidate.
    bands: [
      ...(shingles.size > 0 ? shingleBands(shingleSignature) : []),
      ...(terms.size > 0 ? termBands(termSignature) : [])
    ]
  };
}
