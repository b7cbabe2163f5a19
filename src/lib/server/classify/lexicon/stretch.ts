/**
 * Turns a lexicon form or pattern into the regular expression that runs on normalised
 * text. Two evasions are handled here rather than in normalisation:
 *   - repeated letters: every letter matches one or more of itself, so `kike` finds
 *     `kiiiike` and `jews` finds `jewws`, while a doubled letter still needs two (`ass`
 *     does not match `as`);
 *   - gaps: a space (in a form, also any punctuation) matches any run of non-letters, or
 *     none, so `happy merchant` finds `happy-merchant` and `happymerchant`.
 * Every expression is bounded at word boundaries so `kike` never fires inside a word.
 */
import { normalise } from './normalise';

const GAP = '[^\\p{L}\\p{N}]*';
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/**
 * One expression from stretched alternatives, anchored at word boundaries once around
 * the whole alternation (not per alternative, which V8 would re-test for each). The
 * anchored (sticky) variant is only tried at word starts, so it needs no look-behind.
 */
export function boundedSource(alternatives: readonly string[], atWordStart = false): string {
  return `${atWordStart ? '' : BEFORE}(?:${alternatives.join('|')})${AFTER}`;
}

/** A plain surface form: normalised like comment text, then stretched (unbounded). */
export function formToSource(form: string): string {
  // Normalising the form the same way as the text keeps them consistent (`6mwe`, `z0g`).
  const normalised = normalise(form.trim()).text;
  let source = '';
  let gapOpen = false;
  for (const char of normalised) {
    if (/[\p{L}]/u.test(char)) {
      source += `${escape(char)}+`;
      gapOpen = false;
    } else if (/[\p{N}]/u.test(char)) {
      source += char;
      gapOpen = false;
    } else if (!gapOpen) {
      source += GAP;
      gapOpen = true;
    }
  }
  return source;
}

/**
 * A hand-written pattern on normalised (lowercase) text. Letters outside character
 * classes, escapes and `{m,n}` are stretched; a letter already quantified (`jews?`) is
 * wrapped first so the quantifier keeps its meaning; a space becomes a gap.
 */
export function patternToSource(pattern: string): string {
  let source = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] ?? '';
    const next = pattern[index + 1];
    if (char === '\\') {
      source += pattern.slice(index, index + 2);
      index += 2;
    } else if (char === '[' || char === '{') {
      const close = pattern.indexOf(char === '[' ? ']' : '}', index + 1);
      if (close < 0) throw new Error(`unclosed ${char} in pattern ${pattern}`);
      source += pattern.slice(index, close + 1);
      index = close + 1;
    } else if (/[a-z]/.test(char)) {
      source += next !== undefined && '?*+{'.includes(next) ? `(?:${char}+)` : `${char}+`;
      index++;
    } else if (char === ' ') {
      source += next !== undefined && '?*+{'.includes(next) ? `(?:${GAP})` : GAP;
      index++;
    } else {
      source += char;
      index++;
    }
  }
  return source;
}

/** Patterns are authored against lowercase text; reject what stretching cannot handle. */
export function patternProblem(pattern: string): string | null {
  if (/[A-Z]/.test(pattern.replace(/\\[A-Za-z]/g, ''))) return 'uses uppercase letters';
  if (/\(\?<[a-z]/i.test(pattern)) return 'uses a named group';
  if (/\\[pPuxk]/.test(pattern)) return 'uses \\p, \\u, \\x or \\k escapes';
  try {
    new RegExp(boundedSource([patternToSource(pattern)]), 'u');
  } catch (error) {
    return `is not a valid regular expression (${String(error)})`;
  }
  return null;
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
