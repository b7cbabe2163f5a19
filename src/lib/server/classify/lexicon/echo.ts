/**
 * The triple-parentheses "echo": `(((name)))` puts a name or word in brackets to mark it
 * as Jewish and hand it to a harassment crowd. It is a symbol, not a word, so it is found
 * here rather than by a form: 2+ parentheses either side of a short word-like run, with
 * inner spaces (`((( x )))`) or inverted (`)))x(((`). In a comment `(((Reuters)))` IS
 * an echo and is evidence, even though a news outlet is named.
 *
 * Parentheses are also code and maths, so a candidate is dropped when it reads like them:
 * an operator or digit-only content inside (`((a+b))`, `(((1 + 2)))`), an identifier right
 * before it (a call, `f(((x)))`), an operator right after it (`((x))*c`), a one-character
 * or identifier-like inner (`x`, `x_1`), or a text with several signs of source code.
 * These checks read the original text: normalisation joins `x + y + z` into one word.
 */
import { toOriginal, type NormalisedText } from './normalise';

export interface EchoCandidate {
  /** Normalised offsets, parentheses included. */
  start: number;
  end: number;
  /** Parentheses on the thinner side. */
  parens: number;
  inverted: boolean;
}

const NORMAL = /(\({2,})([^()\n]{1,60})(\){2,})/g;
const INVERTED = /(\){2,})([^()\n]{1,60})(\({2,})/g;

const MATHS_OR_CODE_INSIDE = /[=+*/^<>{}[\];%&|\\]/;
const IDENTIFIER_LIKE = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const CALL_BEFORE = /(?:[\p{L}\p{N}_$)\]]|[+*/^%]\s*)$/u;
// A minus or comparison counts only before a number or a one-letter variable, because
// prose writes `(((them)))-controlled`.
const OPERATOR_AFTER =
  /^(?:\s*[+*/^%]\s*[\p{L}\p{N}_(]|[-<>]\s*(?:[\d(]|[\p{L}_](?!\p{L}))|\s*[=!<>]=|\s*=\s*[-+]?\d|\.[\p{L}_]|\[|\()/u;
const CODE_SIGNS = [
  /;\s*$/m,
  /[{}]/,
  /=>|==|!=|&&|\|\|/,
  /\b(?:function|return|const|let|var|def|import|printf|println|console\.log|lambda)\b/,
  /\\[a-z]{2,}/
];

/** Every echo-shaped stretch of the text that does not read as code or maths. */
export function findEchoes(normalised: NormalisedText, original: string): EchoCandidate[] {
  if (!original.includes('((') && !original.includes('))') && !/[（）]/.test(original)) return [];
  if (CODE_SIGNS.filter((sign) => sign.test(original)).length >= 2) return [];
  const normal = collect(NORMAL, normalised, original, false);
  const inverted = collect(INVERTED, normalised, original, true).filter(
    // `(((a))) and (((b)))` holds `))) and (((`, which is two echoes, not an inverted one.
    (candidate) => !normal.some((echo) => echo.start < candidate.end && candidate.start < echo.end)
  );
  return [...normal, ...inverted];
}

function collect(
  expression: RegExp,
  normalised: NormalisedText,
  original: string,
  inverted: boolean
): EchoCandidate[] {
  const found: EchoCandidate[] = [];
  for (const match of normalised.text.matchAll(expression)) {
    const opening = match[1]?.length ?? 0;
    const closing = match[3]?.length ?? 0;
    if (Math.abs(opening - closing) > 1) continue;
    const start = match.index;
    const end = start + match[0].length;
    const span = toOriginal(normalised, start, end);
    const innerSpan = toOriginal(normalised, start + opening, end - closing);
    const inner = original.slice(innerSpan.start, innerSpan.end).trim();
    if (!innerIsWordLike(inner)) continue;
    if (CALL_BEFORE.test(original.slice(Math.max(0, span.start - 3), span.start))) continue;
    if (OPERATOR_AFTER.test(original.slice(span.end, span.end + 4))) continue;
    found.push({ start, end, parens: Math.min(opening, closing), inverted });
  }
  return found;
}

function innerIsWordLike(inner: string): boolean {
  if (!/\p{L}/u.test(inner) || MATHS_OR_CODE_INSIDE.test(inner)) return false;
  if ([...inner].length < 2 || inner.split(/\s+/).length > 6) return false;
  // `x1`, `foo_bar`: variables, not names. A plain word (`Reuters`) passes.
  return !(IDENTIFIER_LIKE.test(inner) && /[\d_]/.test(inner));
}
