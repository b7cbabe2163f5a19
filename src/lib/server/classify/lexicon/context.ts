/**
 * Window rules: which words must, or must not, be near a match for it to count. Many coded
 * terms are ordinary words (`shekels`, `globalists`, `every single time`, `Rothschild`)
 * and only carry their antisemitic meaning next to other signals; some slurs have an
 * innocent neighbourhood (`shylock` in a review of The Merchant of Venice). Distances are
 * counted in tokens of the normalised text, so leetspeak and spacing do not hide a word.
 */

export interface Token {
  text: string;
  /** Normalised offsets. */
  start: number;
  end: number;
}

export interface CompiledContext {
  requireNear: WordSet | null;
  forbidNear: WordSet | null;
  window: number;
}

interface WordSet {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
const STRETCHED = /(\p{L})\1{2,}/gu;

export function tokenise(normalisedText: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalisedText.matchAll(TOKEN)) {
    const start = match.index;
    // `jeeeews` must still count as `jew*`: squeeze stretched letters for comparison.
    const text = match[0].replace(STRETCHED, '$1');
    tokens.push({ text, start, end: start + match[0].length });
  }
  return tokens;
}

export function compileContext(rules: {
  requireNear: readonly string[];
  forbidNear: readonly string[];
  window: number;
}): CompiledContext {
  return {
    requireNear: rules.requireNear.length > 0 ? wordSet(rules.requireNear) : null,
    forbidNear: rules.forbidNear.length > 0 ? wordSet(rules.forbidNear) : null,
    window: rules.window
  };
}

/** True when the match at normalised [start, end) satisfies the rules. */
export function contextAllows(
  context: CompiledContext,
  tokens: readonly Token[],
  start: number,
  end: number
): boolean {
  const near = tokensNear(tokens, start, end, context.window);
  if (context.forbidNear && near.some((token) => inSet(context.forbidNear, token.text))) {
    return false;
  }
  if (context.requireNear && !near.some((token) => inSet(context.requireNear, token.text))) {
    return false;
  }
  return true;
}

/** The match's own tokens plus `window` tokens on each side. */
export function tokensNear(
  tokens: readonly Token[],
  start: number,
  end: number,
  window: number
): readonly Token[] {
  let first = tokens.findIndex((token) => token.end > start);
  if (first < 0) first = tokens.length;
  let last = first - 1;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < end) last++;
  return tokens.slice(Math.max(0, first - window), Math.min(tokens.length, last + 1 + window));
}

function wordSet(words: readonly string[]): WordSet {
  return {
    exact: new Set(words.filter((word) => !word.endsWith('*'))),
    prefixes: words.filter((word) => word.endsWith('*')).map((word) => word.slice(0, -1))
  };
}

function inSet(set: WordSet | null, word: string): boolean {
  if (!set) return false;
  return set.exact.has(word) || set.prefixes.some((prefix) => word.startsWith(prefix));
}
