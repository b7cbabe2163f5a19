/**
 * The lexicon as a classifier component: always on, synchronous underneath, explainable.
 * Its scores are evidence the fusion rule adds on top of the learned models (so coded
 * antisemitism raises the score even where no model sees it), and its dampen factors
 * lower the learned models where context shows an innocent use.
 */
import type { ClassifierComponent, ComponentResult } from '../types';
import { compileLexicon, type CompiledLexicon } from './compile';
import { loadShippedLexicon } from './entries';
import { analyseText, type LexiconMatch } from './match';
import { toComponentResult } from './score';

export const LEXICON_KIND = 'lexicon';

export interface LexiconComponentOptions {
  /** A lexicon compiled with edits layered on; the shipped file when absent. */
  lexicon?: CompiledLexicon;
}

let shippedCompiled: CompiledLexicon | undefined;

/** The lexicon committed under models/lexicon, compiled once per process. */
export function shippedLexicon(): CompiledLexicon {
  if (!shippedCompiled) {
    const file = loadShippedLexicon();
    shippedCompiled = compileLexicon(file.entries, file.version);
  }
  return shippedCompiled;
}

/** The version stored with every score the lexicon took part in: `threadwatch-lexicon@<version>`. */
export function lexiconComponentVersion(lexiconVersion: string): string {
  return `threadwatch-lexicon@${lexiconVersion}`;
}

export function createLexiconComponent(options: LexiconComponentOptions = {}): ClassifierComponent {
  const lexicon = options.lexicon ?? shippedLexicon();
  return {
    kind: LEXICON_KIND,
    version: lexiconComponentVersion(lexicon.version),
    async scoreBatch(texts: readonly string[]): Promise<ComponentResult[]> {
      return texts.map((text) => scoreText(text, lexicon));
    }
  };
}

/** One text's result, synchronously: for the CLI and benchmarks. */
export function scoreText(
  text: string,
  lexicon: CompiledLexicon = shippedLexicon()
): ComponentResult {
  return toComponentResult(analyseText(lexicon, text));
}

/** Every match in a text, in order: for tests and for highlighting in the UI. */
export function matchLexicon(
  text: string,
  lexicon: CompiledLexicon = shippedLexicon()
): LexiconMatch[] {
  return analyseText(lexicon, text).matches;
}
