/**
 * compileLexicon: validated entries in, ready-to-run matchers out. Kept apart from loading
 * so that the admin edits of issue 4 (disabled entries, new wording) can be layered on
 * the shipped file and recompiled without touching the file.
 */
import { LABELS, type Label, type LabelScores } from '../types';
import { compileContext, type CompiledContext } from './context';
import { lexiconEntrySchema, type Category, type LexiconEntry } from './entries';
import { formKeys, patternKeys, type GatedExpression } from './gate';
import { boundedSource, formToSource, patternToSource } from './stretch';

export interface CompiledEntry {
  id: string;
  category: Category;
  weights: Partial<LabelScores>;
  /** The label a span of this entry is shown under: its heaviest weight. */
  strongestLabel: Label;
  explanation: string;
  /** Global, unicode expressions on normalised text; empty for echo-only entries. */
  expressions: GatedExpression[];
  echo: LexiconEntry['echo'];
  context: CompiledContext | null;
  dampen: Partial<LabelScores>;
  /** Innocent entries: ids they silence; null means every overlapping match. */
  suppresses: ReadonlySet<string> | null;
}

export interface CompiledLexicon {
  /** Stored with every score: `threadwatch-lexicon@<version>`. */
  version: string;
  entries: CompiledEntry[];
}

/**
 * Compiles entries (validating any that did not come through the file schema), skipping
 * disabled ones. `version` names the lexicon a score came from; pass a new one whenever
 * edits change what matches.
 */
export function compileLexicon(
  entries: readonly LexiconEntry[],
  version: string | number
): CompiledLexicon {
  const compiled = entries
    .map((entry) => lexiconEntrySchema.parse(entry))
    .filter((entry) => !entry.disabled)
    .map(compileEntry);
  return { version: String(version), entries: compiled };
}

function compileEntry(entry: LexiconEntry): CompiledEntry {
  // Longest forms first so that an alternation prefers `kikes` over `kike`.
  const forms = [...entry.forms].sort((a, b) => b.length - a.length);
  const expressions = entry.patterns.map((pattern) =>
    gate([patternToSource(pattern)], patternKeys(pattern))
  );
  if (forms.length > 0) expressions.unshift(gate(forms.map(formToSource), formKeys(forms)));
  return {
    id: entry.id,
    category: entry.category,
    weights: entry.weights,
    strongestLabel: strongestLabel(entry.weights),
    explanation: entry.explanation,
    expressions,
    echo: entry.echo,
    context: entry.context ? compileContext(entry.context) : null,
    dampen: entry.dampen ?? {},
    suppresses: entry.suppresses ? new Set(entry.suppresses) : null
  };
}

function gate(alternatives: string[], keys: string[] | null): GatedExpression {
  return {
    expression: new RegExp(boundedSource(alternatives), 'gu'),
    anchored: new RegExp(boundedSource(alternatives, true), 'uy'),
    keys: keys ? [...new Set(keys)] : null
  };
}

/** Ties go to the later, more specific label (antisemitism over toxicity). */
export function strongestLabel(weights: Partial<LabelScores>): Label {
  let best: Label = 'toxicity';
  let bestWeight = -1;
  for (const label of LABELS) {
    const weight = weights[label];
    if (weight !== undefined && weight >= bestWeight) {
      best = label;
      bestWeight = weight;
    }
  }
  return best;
}
