/**
 * The timestamp shapes most comment sections print, read without chrono-node. chrono builds
 * and merges a dozen candidate results per call and parseTimestamp calls it twice per
 * timestamp (and per locale tried), which made it most of the parse time of a page; these
 * shapes are read directly instead. Only shapes whose meaning is unambiguous are read here
 * (english-timestamps.ts, german-timestamps.ts, russian-timestamps.ts); anything outside them — or a value chrono
 * would read differently (a day past the month's end, an hour over 12 on a 12-hour clock) —
 * is left to chrono, so the answers agree.
 */
import { readEnglishTimestamp } from './english-timestamps';
import { readGermanTimestamp } from './german-timestamps';
import { readRussianTimestamp } from './russian-timestamps';

/** The ISO 8601 UTC instant of `text` (already trimmed), or undefined when chrono must read it. */
export function readCommonTimestamp(text: string): string | undefined {
  // English first: WordPress's default shape is by far the most common.
  return readEnglishTimestamp(text) ?? readGermanTimestamp(text) ?? readRussianTimestamp(text);
}
