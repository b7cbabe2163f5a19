/**
 * Site furniture that copied or saved pages carry into the article text. Rules are data:
 * each says what it removes and why, written for the family of strings (any "Skip to X",
 * any "Image via X") rather than one site's exact words, and anchored to whole lines so a
 * real sentence that merely contains the words survives.
 */

export interface LineRule {
  id: string;
  /** Why the line is furniture, and where it was seen. */
  why: string;
  pattern: RegExp;
  /**
   * A character every match contains (one without case variants, so the check is exact):
   * most lines lack it and skip the pattern, some of which backtrack over a whole line.
   */
  needs?: string;
}

/** Lines longer than this are prose, whatever they start with. */
const MAX_FURNITURE_LENGTH = 300;

export const LINE_RULES: readonly LineRule[] = [
  {
    id: 'skip-link',
    why: 'Accessibility skip links ("Skip to navigation", "Skip to main content") copy as text, often glued together (seeds 000, 002).',
    pattern: /^(?:\s*(?:skip|jump) to (?:the )?[\p{L} ]{2,30}?)+\s*$/iu
  },
  {
    id: 'newsletter-pitch',
    why: 'Newsletter sign-up blurbs under articles ("Kick off each morning with coffee and the Daily Brief", seed 000).',
    pattern:
      /^[^\p{L}\p{N}]*(?:(?:kick off|start|begin) (?:each|every|your) (?:morning|day|week)\b.*\b(?:with|in)\b.*|(?:sign up|subscribe)\b.*\bnewsletters?\b.*|get (?:our|the) [\p{L} ]{0,30}newsletter\b.*)$/iu
  },
  {
    id: 'newsletter-privacy',
    why: 'The consent line under a newsletter form ("By providing your email, you agree to the Quartz Privacy Policy.", seed 000).',
    pattern:
      /^by (?:providing|entering|submitting|signing up with|subscribing with) your e-?mail(?: address)?,? you (?:agree|consent) to\b.*$/iu
  },
  {
    id: 'photo-credit-label',
    why: 'Labelled photo credits ("Photo credit: Gage Skidmore/Flickr", "Image: AP", "Featured image via X").',
    pattern:
      /^(?:(?:featured|top|header|cover|lead) )?(?:photo|image|picture|video|illustration)s?(?: (?:credits?|courtesy|source))?\s*:.*$/iu,
    needs: ':'
  },
  {
    id: 'image-via',
    why: '"Image via WikiCommons" credit lines (seed 001); also "Photo by X", "Screenshot via X". A line ending like a sentence ("Video by a bystander shows ...") is prose.',
    pattern:
      /^(?:(?:featured|top|header) )?(?:image|photo|picture|screenshot|video|gif)s? (?:via|by|courtesy of) \S.{0,80}(?<![.!?])$/iu
  },
  {
    id: 'copyright-credit',
    why: 'A photo credit given as a copyright line ("© Getty Images/Russia Today", seed 003).',
    pattern: /^(?:©|(?:\(c\)|copyright)\s*(?:©|\(c\)|\d{4}|by\b))(?:\s*\S.{0,100})?$/iu
  },
  {
    id: 'agency-credit',
    why: 'Agency/photographer credits under photos ("AP/Sergei Karpukhin", seed 000; "Reuters/Kevin Lamarque", "Gage Skidmore/Flickr").',
    pattern:
      /^(?:(?:AP|AFP|EPA|UPI|TASS|Reuters|Getty(?: Images)?|Bloomberg|Shutterstock|iStock(?:photo)?|Alamy|Xinhua|Sputnik|RIA Novosti|Flickr|Wiki(?:media )?Commons|Wikimedia|NurPhoto|SOPA Images|Pool|Handout)(?: via \S+)?\s*\/\s*[\p{L}][\p{L}.'’ -]{1,60}|[\p{L}][\p{L}.'’ -]{1,60}\s*\/\s*(?:AP|AFP|EPA|UPI|TASS|Reuters|Getty Images|Flickr|Shutterstock|Wiki(?:media )?Commons|Sputnik|Xinhua))(?:\s*\/\s*[\p{L}][\p{L}.'’ -]{1,40})?$/u,
    needs: '/'
  },
  {
    id: 'sources-line',
    why: 'Source lists at the foot of aggregated stories ("Sources: The New York Times (2), Reuters via CNBC ... / Photo credit: ...", seed 002).',
    pattern: /^sources?\s*:\s*\S.*$/iu,
    needs: ':'
  },
  {
    id: 'promo-heading',
    why: 'Widget headings after the article ("Popular Video", seed 002; "Trending Now", "Recommended Stories").',
    pattern:
      /^(?:most )?(?:popular|trending|recommended|related|featured|top|latest|editor['’]?s picks?)(?: (?:videos?|stories|articles|posts|reads|news|now|on [\p{L} ]{1,30}))?$/iu
  },
  {
    id: 'section-teaser',
    why: 'Section teasers ("Latest in Life", seed 001; "More from Politics", "More in World").',
    pattern: /^(?:latest|more|most read|top stories) (?:in|from) [\p{L}&'’ -]{1,40}$/iu
  },
  {
    id: 'article-age',
    why: 'Date furniture of a copied page ("Published Last updated This article is more than 2 years old.", seed 000).',
    pattern:
      /^(?:(?:published|last updated|updated)\b\s*)+(?:this (?:article|story) is (?:more|older) than .{1,20} old\.?)?$|^.{0,60}\bthis (?:article|story) is (?:more|older) than \w+ (?:years?|months?|weeks?|days?) old\.?$/iu
  },
  {
    id: 'share-bar',
    why: 'Share buttons copied as a line of words ("Share Tweet Email", "Facebook Twitter LinkedIn").',
    pattern:
      /^(?:(?:share(?: this(?: article| story)?)?|tweet|email|e-mail|print|facebook|twitter|linkedin|whatsapp|reddit|pinterest|copy link|comments?)\s*)+$/iu
  },
  {
    id: 'advertisement',
    why: 'Ad slot labels ("Advertisement", "Story continues below advertisement").',
    pattern:
      /^(?:advertisement|sponsored(?: content)?|story continues below(?: this)? advertisement|ad)$/iu
  }
];

export function furnitureRule(line: string): LineRule | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > MAX_FURNITURE_LENGTH) return null;
  return (
    LINE_RULES.find(
      (rule) =>
        (rule.needs === undefined || trimmed.includes(rule.needs)) && rule.pattern.test(trimmed)
    ) ?? null
  );
}

/** Rules that mark a photo credit: the lines beside one belong to the photo (see figure.ts). */
export const CREDIT_RULE_IDS: ReadonlySet<string> = new Set([
  'photo-credit-label',
  'image-via',
  'copyright-credit',
  'agency-credit'
]);

/**
 * The Hill's name-hover text: a linked name is copied with its hover card, the name again
 * or in full, headlines about the person, and "MORE" — `Donald TrumpDonald TrumpGOP grapples
 * with ... MORE’s presidential` stands for `Donald Trump’s presidential` (seed 003). The
 * name must be repeated with no space between, which ordinary prose never does.
 */
// name: 2–4 capitalised words; then the name again, or its full form (middle names,
// "(Mitch)" nicknames, "Jr.") ending in the same surname; then a headline up to "MORE".
const NAME_HOVER =
  /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}'’.-]*\s){1,3}(\p{Lu}[\p{L}'’-]*))(?:\1|(?:\(?\p{Lu}[\p{L}'’.-]*\)?\s){1,4}\2)(?:,?\s(?:Jr|Sr)\.?|,?\s(?:II|III|IV))?(?=[\p{Lu}\p{N}"'‘“])[^\n]{0,600}?\sMORE(?![\p{L}\p{N}])/gu;

export function removeNameHoverText(text: string): string {
  return text.includes('MORE') ? text.replace(NAME_HOVER, '$1') : text;
}

/** Whether the text holds name-hover text (a signature of The Hill, see source.ts). */
export function hasNameHoverText(text: string): boolean {
  if (!text.includes('MORE')) return false;
  NAME_HOVER.lastIndex = 0;
  return NAME_HOVER.test(text);
}
