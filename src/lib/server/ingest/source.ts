/**
 * The outlet a page comes from, only where the page shows it: its own metadata, a known
 * host in its canonical address, or a layout only one site has. Otherwise null — a wrong
 * outlet would skew the per-outlet charts more than a missing one.
 */
import type { CheerioAPI } from 'cheerio';
import { hasNameHoverText } from './boilerplate';

interface Signature {
  source: string;
  /** Why this text identifies the outlet. */
  why: string;
  test(text: string): boolean;
}

export const SOURCE_SIGNATURES: readonly Signature[] = [
  {
    source: 'Quartz',
    why: 'The newsletter consent line under Quartz articles names its privacy policy (seed 000).',
    // includes() first: a plain substring search is far cheaper than the regex over a whole page.
    test: (text) =>
      text.includes('the Quartz Privacy Policy') && /\bthe Quartz Privacy Policy\b/.test(text)
  },
  {
    source: 'ZeroHedge',
    why: 'Tyler Durden is ZeroHedge’s house byline, shown as "Tyler Durden\'s picture" (seed 004).',
    test: (text) => text.includes('Tyler Durden') && /^\s*Tyler Durden['’]s picture\s*$/m.test(text)
  },
  {
    source: 'The Hill',
    why: 'Only The Hill links names to hover cards that copy as "NameName headlines ... MORE" (seed 003).',
    test: hasNameHoverText
  }
];

/** Hosts whose name is not already in their og:site_name; matched on the canonical URL. */
const KNOWN_HOSTS: Readonly<Record<string, string>> = {
  'qz.com': 'Quartz',
  'thehill.com': 'The Hill',
  'zerohedge.com': 'ZeroHedge',
  'opposingviews.com': 'Opposing Views',
  'reuters.com': 'Reuters',
  'rt.com': 'RT'
};

export function sourceFromText(text: string): string | null {
  return SOURCE_SIGNATURES.find((signature) => signature.test(text))?.source ?? null;
}

export function sourceFromHtml($: CheerioAPI): string | null {
  const siteName = $('meta[property="og:site_name"], meta[name="og:site_name"]')
    .attr('content')
    ?.trim();
  if (siteName) return siteName;
  const address =
    $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content') ?? '';
  return sourceFromAddress(address);
}

export function sourceFromAddress(address: string): string | null {
  let host: string;
  try {
    host = new URL(address).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  const known = Object.keys(KNOWN_HOSTS).find((name) => host === name || host.endsWith(`.${name}`));
  return known ? KNOWN_HOSTS[known]! : null;
}
