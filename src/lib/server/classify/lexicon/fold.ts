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
