/**
 * Per-character folding, the first step of normalisation: what one original code point
 * becomes before any word-level rule runs. Zero-width and other invisible format
 * characters vanish (they are inserted to split a slur so that a plain word filter misses
 * it); compatibility forms (fullwidth letters, mathematical bold, ligatures, circled
 * digits) become their plain ASCII letters via NFKD; diacritics are stripped (`kïke`);
 * letters are lowercased; and letters from other scripts that look like Latin ones
 * (Cyrillic `а`, Greek `ο`) become the Latin letter they imitate.
 */

/**
 * Look-alikes that NFKD leaves alone because they are real letters of another script.
 * Only the ones a reader would take for the Latin letter at a glance; lowercase keys,
 * since folding lowercases first.
 */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ь: 'b',
  г: 'r',
  п: 'n',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ζ: 'z',
  μ: 'u',
  ς: 's',
  // Latin oddities and typographic punctuation that carry the same meaning
  ı: 'i',
  ȷ: 'j',
  ſ: 's',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '·': '.',
  '•': '.',
  '∙': '.'
};

/** Invisible characters used to split words without showing a gap. */
const INVISIBLE = /^[\p{Cf}\p{M}\u034F\u115F\u1160\u3164\uFFA0]$/u;
const COMBINING_MARKS = /\p{M}/gu;

const foldCache = new Map<string, string>();

/** What one code point (one or two UTF-16 units) becomes; '' when it should vanish. */
export function foldCodePoint(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    // ASCII fast path: most comment text never leaves it.
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
  }
  const cached = foldCache.get(char);
  if (cached !== undefined) return cached;
  const folded = foldSlow(char);
  if (foldCache.size < 10_000) foldCache.set(char, folded);
  return folded;
}

function foldSlow(char: string): string {
  if (INVISIBLE.test(char)) return '';
  const direct = HOMOGLYPHS[char.toLowerCase()];
  if (direct !== undefined) return direct;
  const decomposed = char.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let out = '';
  for (const part of decomposed) out += HOMOGLYPHS[part] ?? part;
  return out;
}

/** A folded text, with each unit's original [start, end) as in `NormalisedText`. */
export interface FoldedText {
  text: string;
  starts: number[];
  ends: number[];
}

const NON_ASCII = /[^\p{ASCII}]/u;
const NON_ASCII_UNITS = /[\u0080-\uffff]/g;

/** Every code point of the text folded, with the map back to the original. */
export function foldText(original: string): FoldedText {
  if (!NON_ASCII.test(original)) return oneForOne(original.toLowerCase());
  return foldOneForOne(original) ?? foldUnitByUnit(original);
}

/**
 * 0, 1, 2, …: the maps of every one-for-one text are slices of it (a copy of a packed array
 * costs a fraction of filling a new one unit by unit). Grown as longer texts come, up to a
 * cap beyond which texts fill their own.
 */
let identity: number[] = [];
const IDENTITY_CAP = 1 << 16;

/** Most comments are plain ASCII: one unit in, one unit out. */
function oneForOne(text: string): FoldedText {
  const length = text.length;
  if (length < IDENTITY_CAP) {
    if (identity.length <= length)
      identity = Array.from(
        { length: Math.min(IDENTITY_CAP, 2 * length + 64) },
        (_, index) => index
      );
    return { text, starts: identity.slice(0, length), ends: identity.slice(1, length + 1) };
  }
  const starts = new Array<number>(length);
  const ends = new Array<number>(length);
  for (let index = 0; index < length; index++) {
    starts[index] = index;
    ends[index] = index + 1;
  }
  return { text, starts, ends };
}

/**
 * Text whose non-ASCII characters each fold to exactly one unit (a non-breaking space, a
 * curly quote, a dash, an accented letter) keeps the one-for-one map; null otherwise.
 */
function foldOneForOne(original: string): FoldedText | null {
  let text = '';
  let copied = 0;
  for (const match of original.matchAll(NON_ASCII_UNITS)) {
    const unit = match[0];
    const code = unit.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return null;
    const folded = foldCodePoint(unit);
    if (folded.length !== 1) return null;
    text += original.slice(copied, match.index).toLowerCase() + folded;
    copied = match.index + 1;
  }
  return oneForOne(text + original.slice(copied).toLowerCase());
}

function foldUnitByUnit(original: string): FoldedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  while (offset < original.length) {
    const code = original.charCodeAt(offset);
    const width = code >= 0xd800 && code <= 0xdbff && offset + 1 < original.length ? 2 : 1;
    const end = offset + width;
    // ASCII stays on the fast path even in a text that has a curly quote somewhere.
    const replacement =
      code < 0x80
        ? original.charAt(offset).toLowerCase()
        : foldCodePoint(original.slice(offset, end));
    for (let unit = 0; unit < replacement.length; unit++) {
      chars.push(replacement.charAt(unit));
      starts.push(offset);
      ends.push(end);
    }
    offset = end;
  }
  return { text: chars.join(''), starts, ends };
}
