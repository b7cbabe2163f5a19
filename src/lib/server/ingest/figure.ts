/**
 * A photo copied as text is a caption, a credit and sometimes a quip, on consecutive lines
 * (seed 000: caption paragraph, "AP/Sergei Karpukhin", "I'm not celebrating."). The credit
 * line is recognisable by itself (boilerplate.ts); the lines around it only by standing
 * next to it with no blank line between, which paragraphs of the article never do.
 */
import { CREDIT_RULE_IDS, furnitureRule } from './boilerplate';

/** A quip or repeated credit under a photo is short; a longer line is the article going on. */
const MAX_LINE_AFTER_CREDIT = 80;

/**
 * Marks the caption line just above each photo credit and the short line just below it.
 * `protectedIndex` (the title) is never marked: a credit can follow the headline directly.
 */
export function markFigureLines(
  lines: readonly string[],
  marks: boolean[],
  protectedIndex: number
): void {
  lines.forEach((line, index) => {
    const rule = furnitureRule(line);
    if (!rule || !CREDIT_RULE_IDS.has(rule.id)) return;
    const above = index - 1;
    if (above >= 0 && above !== protectedIndex && lines[above]!.trim() !== '') marks[above] = true;
    const below = index + 1;
    const next = lines[below]?.trim() ?? '';
    if (next !== '' && below !== protectedIndex && next.length <= MAX_LINE_AFTER_CREDIT)
      marks[below] = true;
  });
}
