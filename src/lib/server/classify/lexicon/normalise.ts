/**
 * Normalisation against evasion, with a map back to the original text.
 *
 * Lexicon forms and patterns match the normalised text; every span a moderator sees must
 * point into the comment as stored, so each normalised UTF-16 unit remembers the original
 * [start, end) it came from. Three passes:
 *   1. fold each code point (fold.ts): case, NFKD, diacritics, homoglyphs, invisibles;
 *   2. leetspeak (`k1ke`, `$hit`), only inside word-like runs so that numbers stay numbers
 *      (`1488`, `6 gorillion`, `14 words` are matched as digits);
 *   3. join single letters split by separators (`k.i.k.e`, `k i k e`, `k-i-k-e`).
 * Repeated letters (`kiiiike`) are not collapsed here: compiled forms accept one or more
 * of each letter instead (compile.ts), so `ass` still needs two s's.
 */
import { foldText } from './fold';

export interface NormalisedText {
  text: string;
  /** For each UTF-16 unit of `text`, the original offset where its source starts. */
  starts: number[];
  /** For each UTF-16 unit of `text`, the original offset where its source ends. */
  ends: number[];
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  $: 's',
  '@': 'a',
  '!': 'i'
};
/** Characters put between the letters of a spelled-out word. */
const SEPARATORS = new Set([' ', '\t', '.', '-', '_', '*', '|', '/', '\\', '~', '+', ':']);
const MAX_SEPARATOR_RUN = 3;

const LETTER = /^\p{L}$/u;
const WORD = /^[\p{L}\p{N}]$/u;

export const isLetter = (c: string | undefined): boolean =>
  c !== undefined && (c >= 'a' && c <= 'z' ? true : c > '\u007f' && LETTER.test(c));
export const isWordChar = (c: string | undefined): boolean =>
  c !== undefined &&
  ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c > '\u007f' && WORD.test(c)));
const isRunChar = (c: string | undefined): boolean =>
  isWordChar(c) || c === '$' || c === '@' || c === '!';

/** Per UTF-16 unit, so that a lone surrogate counts too. */
const NON_ASCII_UNIT = /[\u0080-\uffff]/;
/** The characters `convertLeetInRuns` can change: without one it is a no-op. */
const LEET_CHAR = /[0-9$@!]/;
/**
 * In folded text that is all ASCII (a non-breaking space folds to a space), three letters
 * or leet characters standing alone, one to three separators apart: what every chain
 * `joinSpelledOutLetters` joins contains. Without it the per-character walk finds nothing,
 * so most comments skip it. `[a-z0-9]` is exactly `isWordChar` on ASCII.
 */
const SINGLE = '(?<![a-z0-9])[a-z0-9$@!](?![a-z0-9])';
const GAP = '[ \\t._*|/\\\\~+:-]{1,3}';
const MAY_SPELL_OUT = new RegExp(`${SINGLE}${GAP}${SINGLE}${GAP}${SINGLE}`);

export function normalise(original: string): NormalisedText {
  const { text: folded, starts, ends } = foldText(original);
  // The passes below work on an array of units; most comments never need one.
  let chars: string[] | undefined;
  let text = folded;
  if (LEET_CHAR.test(text)) {
    if (NON_ASCII_UNIT.test(text)) {
      chars = text.split('');
      convertLeetInRuns(chars);
      text = chars.join('');
    } else {
      text = convertLeetInAsciiRuns(text);
    }
  }
  if (!NON_ASCII_UNIT.test(text) && !MAY_SPELL_OUT.test(text)) {
    return { text: asOneByteString(text), starts, ends };
  }
  chars ??= text.split('');
  const dropped = joinSpelledOutLetters(chars);
  if (dropped.size === 0) return { text: chars.join(''), starts, ends };
  const keep = (_: unknown, index: number): boolean => !dropped.has(index);
  return {
    text: chars.filter(keep).join(''),
    starts: starts.filter(keep),
    ends: ends.filter(keep)
  };
}

/**
 * The same ASCII text, stored one byte per unit. Comment text from the parser is stored two
 * bytes per unit even when it is ASCII, and every lexicon expression then runs measurably
 * slower on it (V8 keeps the wider form through toLowerCase and slicing); the join of
 * single characters that normalisation used to end with produced the narrow form as a side
 * effect, at ten times the cost of this round trip. Only for text without non-ASCII units.
 */
function asOneByteString(asciiText: string): string {
  return Buffer.from(asciiText, 'latin1').toString('latin1');
}

/** The original [start, end) of the normalised range [start, end); end > start. */
export function toOriginal(
  normalised: NormalisedText,
  start: number,
  end: number
): { start: number; end: number } {
  return { start: normalised.starts[start] ?? 0, end: normalised.ends[end - 1] ?? 0 };
}

/**
 * `convertLeetInRuns` for ASCII text, without splitting the whole text into an array: most
 * texts with a digit or `!` have no run holding both a letter and a leet character (a
 * year, a price), and only runs that do can change. Those go through `convertRun` on their
 * own, which reads nothing outside the run that changes its result. Folded ASCII text has
 * no capitals, so the run characters are exactly `[a-z0-9$@!]`.
 */
function convertLeetInAsciiRuns(text: string): string {
  let converted = '';
  let copied = 0;
  let index = 0;
  while (index < text.length) {
    if (!isAsciiRunCode(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const runStart = index;
    let letter = false;
    let other = false;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (!isAsciiRunCode(code)) break;
      if (code >= 0x61 && code <= 0x7a) letter = true;
      else other = true;
    }
    // Without a letter convertRun changes nothing; without a digit or `$@!` nothing can.
    if (!letter || !other) continue;
    const run = text.slice(runStart, index).split('');
    convertRun(run, 0, run.length);
    converted += text.slice(copied, runStart) + run.join('');
    copied = index;
  }
  return copied === 0 ? text : converted + text.slice(copied);
}

/** `isRunChar` on lowercase ASCII: a-z, 0-9, `$`, `@`, `!`. */
function isAsciiRunCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x24 ||
    code === 0x40 ||
    code === 0x21
  );
}

/**
 * Inside a run of letters, digits and `$@!`: leet characters between the first and last
 * letter always convert (`k1ke`, `sh!t`); one leading digit or `$` converts (`5hit`,
 * `$hit`) but a longer number does not (`14words`, `2016election`); a trailing single
 * digit or trailing `$`s convert (`h3ll0`, `a$$`) but a longer number does not (`heil88`).
 */
function convertLeetInRuns(chars: string[]): void {
  let index = 0;
  while (index < chars.length) {
    if (!isRunChar(chars[index])) {
      index++;
      continue;
    }
    const runStart = index;
    while (index < chars.length && isRunChar(chars[index])) index++;
    convertRun(chars, runStart, index);
  }
}

function convertRun(chars: string[], start: number, end: number): void {
  let first = -1;
  let last = -1;
  for (let i = start; i < end; i++) {
    if (!isLetter(chars[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return;
  const lead = chars[start];
  if ((first - start === 1 && lead !== '@' && lead !== '!') || allDollars(chars, start, first)) {
    convertLeet(chars, start, first);
  }
  convertLeet(chars, first + 1, last);
  const trail = chars[last + 1];
  const singleTrailingDigit =
    end - last - 1 === 1 && trail !== undefined && trail >= '0' && trail <= '9';
  if (singleTrailingDigit || allDollars(chars, last + 1, end)) convertLeet(chars, last + 1, end);
}

// Module-level helpers rather than closures: this runs for every word of every comment.
function convertLeet(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const leet = LEET[chars[i] ?? ''];
    if (leet !== undefined) chars[i] = leet;
  }
}

function allDollars(chars: readonly string[], from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (chars[i] !== '$') return false;
  return true;
}

/**
 * Finds chains of at least three single letters (or leet digits) each standing alone
 * between separators, and returns the indexes of the separators to drop so the chain
 * reads as one word. Two letters are not enough: initials (`J. K.`) and `i.e.` stay.
 */
function joinSpelledOutLetters(chars: string[]): Set<number> {
  const dropped = new Set<number>();
  let index = 0;
  while (index < chars.length) {
    if (!isSingle(chars, index) || (index > 0 && !isBoundary(chars[index - 1]))) {
      index++;
      continue;
    }
    const chain = [index];
    let cursor = index + 1;
    for (;;) {
      let next = cursor;
      while (next < chars.length && SEPARATORS.has(chars[next] ?? '')) next++;
      const gap = next - cursor;
      if (gap < 1 || gap > MAX_SEPARATOR_RUN || !isSingle(chars, next)) break;
      chain.push(next);
      cursor = next + 1;
    }
    let letters = 0;
    for (const i of chain) if (isLetter(chars[i])) letters++;
    if (chain.length >= 3 && letters >= 2) {
      for (const i of chain) chars[i] = LEET[chars[i] ?? ''] ?? chars[i] ?? '';
      for (let i = index; i < cursor; i++) if (!chain.includes(i)) dropped.add(i);
    }
    index = cursor;
  }
  return dropped;
}

/** A letter or leet character standing alone between non-word characters. */
function isSingle(chars: readonly string[], i: number): boolean {
  return (
    (isLetter(chars[i]) || LEET[chars[i] ?? ''] !== undefined) &&
    !isWordChar(chars[i - 1]) &&
    !isWordChar(chars[i + 1])
  );
}

/** A chain starts after white space or punctuation that is not itself a joiner (`x.k.i`). */
function isBoundary(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\t' || !SEPARATORS.has(c);
}
