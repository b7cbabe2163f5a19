/**
 * The lexicon file's shape (models/lexicon/lexicon.json), validated with zod at the
 * boundary, and the one place that reads it. Edits made later through the admin UI
 * (issue 4: disabled entries, reworded explanations, changed weights) are applied on top
 * with `applyLexiconEdits` before compiling, so the file stays the project's baseline.
 */
import { z } from 'zod';
import lexiconFile from '../../../../../models/lexicon/lexicon.json';
import { LABELS } from '../types';
import { patternProblem } from './stretch';

export const CATEGORIES = [
  'echo',
  'slur',
  'conspiracy_trope',
  'holocaust_denial',
  'dual_loyalty',
  'mockery',
  'profanity',
  'insult',
  'threat',
  'other',
  'innocent'
] as const;
export type Category = (typeof CATEGORIES)[number];

const label = z.enum(LABELS);
const probability = z.number().min(0).max(1);
/** Context words: a whole normalised token, or a prefix ending in `*` (`jew*`). */
const contextWord = z
  .string()
  .regex(/^[a-z0-9']+\*?$/, 'one lowercase word, optionally ending in *');

const contextSchema = z.strictObject({
  requireNear: z.array(contextWord).default([]),
  forbidNear: z.array(contextWord).default([]),
  /** Tokens either side of the match (the match's own tokens always count). */
  window: z.number().int().min(0).max(40).default(8)
});

const echoSchema = z.strictObject({
  minParens: z.number().int().min(2).max(6),
  maxParens: z.number().int().min(2).max(8),
  inverted: z.boolean().default(false)
});

const pattern = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    const problem = patternProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: `pattern ${problem}` });
  });

export const lexiconEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
    category: z.enum(CATEGORIES),
    forms: z.array(z.string().min(1)).default([]),
    patterns: z.array(pattern).default([]),
    echo: echoSchema.optional(),
    weights: z.partialRecord(label, probability).default({}),
    context: contextSchema.optional(),
    /** Innocent entries: factor per label handed to fusion where they match. */
    dampen: z.partialRecord(label, z.number().gt(0).max(1)).optional(),
    /** Innocent entries: ids of the entries they silence where they overlap (default all). */
    suppresses: z.array(z.string()).optional(),
    explanation: z.string().min(20),
    sources: z.array(z.string().min(3)).min(1),
    disabled: z.boolean().default(false)
  })
  .refine((entry) => entry.forms.length + entry.patterns.length > 0 || entry.echo, {
    message: 'an entry needs forms, patterns or an echo rule',
    path: ['forms']
  })
  .refine(
    (entry) =>
      entry.category === 'innocent'
        ? Object.keys(entry.weights).length === 0
        : Object.values(entry.weights).some((weight) => weight > 0),
    {
      message: 'innocent entries carry no weights; every other entry needs one',
      path: ['weights']
    }
  );

export const lexiconFileSchema = z
  .strictObject({
    version: z.number().int().positive(),
    entries: z.array(lexiconEntrySchema).min(1)
  })
  .refine((file) => new Set(file.entries.map((entry) => entry.id)).size === file.entries.length, {
    message: 'entry ids must be unique'
  });

export type LexiconEntry = z.output<typeof lexiconEntrySchema>;
export type LexiconFile = z.output<typeof lexiconFileSchema>;

/** A change layered on the file's entry with the same id. */
export interface LexiconEdit {
  id: string;
  disabled?: boolean;
  explanation?: string;
  weights?: LexiconEntry['weights'];
}

let shipped: LexiconFile | undefined;

/** The lexicon committed with the project, parsed once; throws if the file is invalid. */
export function loadShippedLexicon(): LexiconFile {
  shipped ??= lexiconFileSchema.parse(lexiconFile);
  return shipped;
}

export function applyLexiconEdits(
  entries: readonly LexiconEntry[],
  edits: readonly LexiconEdit[]
): LexiconEntry[] {
  const byId = new Map(edits.map((edit) => [edit.id, edit]));
  return entries.map((entry) => {
    const edit = byId.get(entry.id);
    if (!edit) return entry;
    return {
      ...entry,
      disabled: edit.disabled ?? entry.disabled,
      explanation: edit.explanation ?? entry.explanation,
      weights: edit.weights ?? entry.weights
    };
  });
}
