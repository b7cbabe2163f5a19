/**
 * Where an expression can start, found cheaply, so that most expressions never scan most
 * comments. Every lexicon match starts at a word start (the expressions assert a word
 * boundary), so each expression gets "keys": the first letters (up to three, repeated
 * letters squeezed) of the words it can open with. key-index.ts finds, for each word start
 * of a text, the expressions whose keys its opening has; an expression is tried, anchored,
 * only at those positions. Keys are a superset by construction: when the opening of a
 * pattern is too clever to read, it gets no keys and scans the whole text.
 */
import { normalise } from './normalise';

const KEY_LENGTH = 3;
const REPEATED_LETTER = /(\p{L})\1+/gu;

const squeeze = (word: string): string => word.replace(REPEATED_LETTER, '$1');

export interface GatedExpression {
  /** Global: scans the whole text (used when keys is null). */
  expression: RegExp;
  /** Sticky: tried at one position. */
  anchored: RegExp;
  keys: readonly string[] | null;
}

const NO_MATCHES: readonly { start: number; end: number }[] = [];

/**
 * Every match of the expression, leftmost first, none overlapping, like `matchAll`.
 * `candidates` are the word starts its keys point to, ascending (key-index.ts); they are
 * ignored when the expression has no keys and scans the whole text instead.
 */
export function gatedMatches(
  gated: GatedExpression,
  text: string,
  candidates: readonly number[] | undefined
): readonly { start: number; end: number }[] {
  if (gated.keys === null) return scannedMatches(gated.expression, text);
  // Most expressions have no candidates in most comments: return without allocating.
  if (!candidates) return NO_MATCHES;
  const found: { start: number; end: number }[] = [];
  let reached = -1;
  for (const position of candidates) {
    if (position < reached) continue;
    gated.anchored.lastIndex = position;
    const match = gated.anchored.exec(text);
    if (!match || match[0].length === 0) continue;
    found.push({ start: position, end: position + match[0].length });
    reached = position + match[0].length;
  }
  return found;
}

function scannedMatches(expression: RegExp, text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(expression)) {
    if (match[0].length > 0) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Keys of a list of surface forms; null when one does not start with a letter or digit. */
export function formKeys(forms: readonly string[]): string[] | null {
  const keys: string[] = [];
  for (const form of forms) {
    const first = /^[\p{L}\p{N}]+/u.exec(normalise(form.trim()).text)?.[0];
    if (!first) return null;
    keys.push(squeeze(first).slice(0, KEY_LENGTH));
  }
  return keys;
}

/**
 * Keys of a hand-written pattern: the literal letters each top-level alternative opens
 * with, or the openings of each alternative of a leading group; optional leading groups
 * (`(the )?`) add their own keys and the reading goes on after them. Anything else
 * (a class, an escape, a lookaround, an optional first letter) gives null.
 */
export function patternKeys(pattern: string): string[] | null {
  const alternatives = splitTopLevel(pattern);
  if (!alternatives) return null;
  const keys: string[] = [];
  for (const alternative of alternatives) {
    const inner = sequenceKeys(alternative);
    if (!inner) return null;
    keys.push(...inner);
  }
  return keys;
}

function sequenceKeys(sequence: string): string[] | null {
  const keys: string[] = [];
  let rest = sequence;
  for (;;) {
    if (!rest.startsWith('(')) {
      let literal = /^[a-z0-9]+/.exec(rest)?.[0] ?? '';
      // `s?hit` may start at `h`: an optional last letter is not part of the key.
      if ('?*{'.includes(rest[literal.length] ?? '_')) literal = literal.slice(0, -1);
      if (!literal) return null;
      keys.push(squeeze(literal).slice(0, KEY_LENGTH));
      return keys;
    }
    const close = matchingParen(rest);
    if (close < 0) return null;
    const inner = patternKeys(rest.slice(1, close));
    if (!inner) return null;
    keys.push(...inner);
    const quantifier = rest[close + 1];
    if (quantifier === '{') return null;
    if (quantifier !== '?' && quantifier !== '*') return keys;
    rest = rest.slice(close + 2);
    if (rest.length === 0) return null;
  }
}

function matchingParen(source: string): number {
  let depth = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\' || char === '[') return -1;
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) return index;
  }
  return -1;
}

/** Top-level alternatives; null for a lookaround or other `(?` group. */
function splitTopLevel(group: string): string[] | null {
  let source = group;
  if (source.startsWith('?:')) source = source.slice(2);
  else if (source.startsWith('?')) return null;
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
