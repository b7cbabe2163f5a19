/**
 * Picks the comment system of a page by evidence: every format scores the page, the best
 * score at or above MIN_EVIDENCE wins, and the generic fallback only runs when no specific
 * format claims the page. A page nobody claims has no comment section.
 */
import { zerohedge } from './formats/zerohedge';
import { wordpress } from './formats/wordpress';
import { disqus } from './formats/disqus';
import { redditOld } from './formats/reddit-old';
import { redditNew } from './formats/reddit-new';
import { hackerNews } from './formats/hacker-news';
import { xenforo } from './formats/xenforo';
import { vbulletin } from './formats/vbulletin';
import { phpbb } from './formats/phpbb';
import { youtube } from './formats/youtube';
import { livefyre } from './formats/livefyre';
import { spotim } from './formats/spotim';
import { generic } from './formats/generic';
import type { CommentFormat, Page } from './types';

/** Specific formats first; on equal evidence the earlier one wins. */
export const SPECIFIC_FORMATS: readonly CommentFormat[] = [
  zerohedge,
  wordpress,
  disqus,
  redditOld,
  redditNew,
  hackerNews,
  xenforo,
  vbulletin,
  phpbb,
  youtube,
  livefyre,
  spotim
];
export const FALLBACK_FORMAT: CommentFormat = generic;
export const ALL_FORMATS: readonly CommentFormat[] = [...SPECIFIC_FORMATS, FALLBACK_FORMAT];

export const MIN_EVIDENCE = 0.5;

export interface FormatChoice {
  format: CommentFormat;
  evidence: number;
}

export function pickFormat(page: Page): FormatChoice | null {
  let best: FormatChoice | null = null;
  for (const format of SPECIFIC_FORMATS) {
    // Ties go to the earlier format, so one that can at most tie the best so far cannot win:
    // on a page WordPress claims at 0.9 the ten detectors after it never walk its lines.
    if (best !== null && format.maxEvidence[page.markup] <= best.evidence) continue;
    if (!mayClaim(format, page)) continue;
    const evidence = safeDetect(format, page);
    if (evidence >= MIN_EVIDENCE && (best === null || evidence > best.evidence))
      best = { format, evidence };
  }
  if (best) return best;
  if (!mayClaim(FALLBACK_FORMAT, page)) return null;
  const evidence = safeDetect(FALLBACK_FORMAT, page);
  return evidence >= MIN_EVIDENCE ? { format: FALLBACK_FORMAT, evidence } : null;
}

/** The format's sniff; like detect(), a sniff that throws is a bug and must not stop the parse. */
function mayClaim(format: CommentFormat, page: Page): boolean {
  try {
    return format.mayClaim?.(page) ?? true;
  } catch {
    return true;
  }
}

/**
 * A detector bug must not take the whole parse down: it counts as no evidence. Evidence over
 * the format's declared ceiling is cut to it, so skipping by ceiling (pickFormat) is exact.
 */
function safeDetect(format: CommentFormat, page: Page): number {
  try {
    const evidence = format.detect(page);
    return Number.isFinite(evidence) ? Math.min(evidence, format.maxEvidence[page.markup]) : 0;
  } catch {
    return 0;
  }
}

export function formatById(id: string): CommentFormat | undefined {
  return ALL_FORMATS.find((format) => format.id === id);
}
