/**
 * The word-start gate (gate.ts) turned around. Asking every expression "where do my keys
 * occur?" costs a map lookup per key per comment (hundreds of keys) plus a map of every
 * word prefix of the comment; this asks every word "which expressions open with you?"
 * once, against an index built once per lexicon, so a comment costs one lookup per word
 * and the expressions no word points to are never touched.
 *
 * The candidates must be exactly those of `wordStarts` + `gatedMatches`: a word start is
 * a candidate for an expression when a key equals a prefix (1 to 3 units) of the word's
 * first 12 units with repeated letters squeezed. Keys are lowercase ASCII letters and
 * digits (a key that is not gets the expression scanned instead, which is always safe), so
 * only the ASCII opening of a word can equal one.
 */
import type { CompiledEntry } from './compile';
import type { GatedExpression } from './gate';

const KEY_LENGTH = 3;
/**
 * The old gate squeezed only a word's first 12 units, so `kiiiiiiiiiiiiike` is never tried
 * for `kik`; kept as it was so that no result changes.
 */
const SQUEEZE_WINDOW = KEY_LENGTH * 4;
const ASCII_KEY = /^[a-z0-9]{1,3}$/;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const CACHE_LIMIT = 20_000;

export interface KeyIndex {
  /** Every expression of every entry, in entry order then expression order. */
  expressions: readonly GatedExpression[];
  /** Numbers (into `expressions`) of those without usable keys: they scan the whole text. */
  scanned: readonly number[];
  /** Key → numbers of the expressions that have it. */
  byKey: ReadonlyMap<string, readonly number[]>;
  /**
   * Squeezed opening of a word (up to 3 ASCII units, packed 7 bits each by `openingCode`)
   * → numbers of the expressions any of its prefixes opens; filled as words are met.
   */
  byOpening: Map<number, readonly number[]>;
}

const indexes = new WeakMap<readonly CompiledEntry[], KeyIndex>();

/** The index of a lexicon's entries, built on first use and kept while they live. */
export function keyIndexOf(entries: readonly CompiledEntry[]): KeyIndex {
  let index = indexes.get(entries);
  if (!index) {
    index = buildKeyIndex(entries.flatMap((entry) => entry.expressions));
    indexes.set(entries, index);
  }
  return index;
}

export function buildKeyIndex(expressions: readonly GatedExpression[]): KeyIndex {
  const byKey = new Map<string, number[]>();
  const scanned: number[] = [];
  expressions.forEach((gated, number) => {
    if (gated.keys === null || !gated.keys.every((key) => ASCII_KEY.test(key))) {
      scanned.push(number);
      return;
    }
    for (const key of new Set(gated.keys)) {
      const numbers = byKey.get(key);
      if (numbers) numbers.push(number);
      else byKey.set(key, [number]);
    }
  });
  return { expressions, scanned, byKey, byOpening: new Map() };
}

/**
 * For each expression number, the word starts (ascending, no repeats) where its keys
 * occur in the normalised text; undefined where there are none.
 */
export function candidateStarts(index: KeyIndex, text: string): (number[] | undefined)[] {
  const candidates: (number[] | undefined)[] = [];
  let position = 0;
  while (position < text.length) {
    const width = wordUnitWidth(text, position);
    if (width === 0) {
      position++;
      continue;
    }
    const start = position;
    position += width;
    while (position < text.length) {
      const next = wordUnitWidth(text, position);
      if (next === 0) break;
      position += next;
    }
    const opening = openingCode(text, start, position);
    if (opening === 0) continue;
    for (const number of expressionsOpenedBy(index, opening)) {
      const positions = candidates[number];
      if (positions) positions.push(start);
      else candidates[number] = [start];
    }
  }
  return candidates;
}

/** UTF-16 units of the letter or digit at `position`, 0 when it is neither. */
function wordUnitWidth(text: string, position: number): number {
  const code = text.charCodeAt(position);
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a)
      ? 1
      : 0;
  }
  const point = text.codePointAt(position) ?? code;
  const width = point > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? width : 0;
}

/**
 * The ASCII part of the squeezed opening of the word [start, end), at most 3 units, as a
 * number (first unit in the low 7 bits; 0 for none, since a word holds no NUL): what a key
 * can equal. Stops at the first non-ASCII unit, which no key contains. A number rather
 * than a string so that a word costs no allocation and a cheap lookup.
 */
function openingCode(text: string, start: number, end: number): number {
  const windowEnd = Math.min(end, start + SQUEEZE_WINDOW);
  let code = 0;
  let units = 0;
  let previous = -1;
  for (let position = start; position < windowEnd && units < KEY_LENGTH; position++) {
    const unit = text.charCodeAt(position);
    if (unit >= 0x80) break;
    const letter = (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
    if (!(letter && unit === previous)) code |= unit << (7 * units++);
    previous = unit;
  }
  return code;
}

function openingText(code: number): string {
  let text = '';
  for (let rest = code; rest > 0; rest >>= 7) text += String.fromCharCode(rest & 0x7f);
  return text;
}

function expressionsOpenedBy(index: KeyIndex, code: number): readonly number[] {
  const cached = index.byOpening.get(code);
  if (cached) return cached;
  const opening = openingText(code);
  const numbers = new Set<number>();
  for (let length = 1; length <= opening.length; length++) {
    for (const number of index.byKey.get(opening.slice(0, length)) ?? []) numbers.add(number);
  }
  const opened = [...numbers];
  if (index.byOpening.size >= CACHE_LIMIT) index.byOpening.clear();
  index.byOpening.set(code, opened);
  return opened;
}
