/**
 * The lexicon in force: the shipped file, then the entries admins added, with their edits
 * (disabled, reworded) layered on by applyLexiconEdits. Its version names exactly what
 * matches and what explanations it gives: the file's version while nothing differs from
 * the file, `<file version>+<8 hex of the effective entries' hash>` once something does.
 * Stored scores carry it (comment_scores.lexicon_version), so a changed lexicon makes the
 * comments scored before it stale, and undoing a change makes them current again.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { compileLexicon, type CompiledLexicon } from '../classify/lexicon/compile';
import {
  applyLexiconEdits,
  lexiconEntrySchema,
  loadShippedLexicon,
  type LexiconEdit,
  type LexiconEntry
} from '../classify/lexicon/entries';
import type { Schema } from '../db/schema';
import {
  listAddedEntries,
  listLexiconEdits,
  type AddedEntryRow,
  type LexiconEditRow
} from './lexicon.repository';

export type EntryOrigin = 'shipped' | 'added';

export interface LexiconEntryInForce {
  /** With its edit applied. */
  entry: LexiconEntry;
  origin: EntryOrigin;
  addedBy: string | null;
  addedAt: Date | null;
  edit: LexiconEditRow | null;
}

export interface LexiconInForce {
  version: string;
  entries: LexiconEntryInForce[];
}

export async function loadLexiconInForce(db: Kysely<Schema>): Promise<LexiconInForce> {
  const [added, edits] = await Promise.all([listAddedEntries(db), listLexiconEdits(db)]);
  return layerLexicon(added, edits);
}

/** The lexicon in force, compiled for a classifier. */
export function compileLexiconInForce(lexicon: LexiconInForce): CompiledLexicon {
  return compileLexicon(
    lexicon.entries.map(({ entry }) => entry),
    lexicon.version
  );
}

export function layerLexicon(
  added: readonly AddedEntryRow[],
  edits: readonly LexiconEditRow[]
): LexiconInForce {
  const file = loadShippedLexicon();
  const shippedIds = new Set(file.entries.map((entry) => entry.id));
  // Through the schema again: jsonb may reorder keys, and the defaults must be filled in.
  const addedEntries = added
    .filter((row) => !shippedIds.has(row.entry.id))
    .map((row) => ({ ...row, entry: lexiconEntrySchema.parse(row.entry) }));
  const baseline = [...file.entries, ...addedEntries.map((row) => row.entry)];
  const effective = applyLexiconEdits(baseline, edits.map(toLexiconEdit));
  const addedById = new Map(addedEntries.map((row) => [row.entry.id, row]));
  const editById = new Map(edits.map((edit) => [edit.entryId, edit]));
  const unchanged = addedEntries.length === 0 && sameEntries(effective, file.entries);
  return {
    version: unchanged ? String(file.version) : `${file.version}+${entriesHash(effective)}`,
    entries: effective.map((entry) => {
      const addition = addedById.get(entry.id);
      return {
        entry,
        origin: addition ? 'added' : 'shipped',
        addedBy: addition?.addedBy ?? null,
        addedAt: addition?.addedAt ?? null,
        edit: editById.get(entry.id) ?? null
      };
    })
  };
}

function toLexiconEdit(row: LexiconEditRow): LexiconEdit {
  return {
    id: row.entryId,
    disabled: row.disabled ?? undefined,
    explanation: row.explanation ?? undefined,
    weights: row.weights ?? undefined
  };
}

function sameEntries(a: readonly LexiconEntry[], b: readonly LexiconEntry[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function entriesHash(entries: readonly LexiconEntry[]): string {
  return createHash('sha256').update(canonicalJson(entries)).digest('hex').slice(0, 8);
}

/** JSON with object keys sorted, so equal entries hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
        )
      : item
  );
}
