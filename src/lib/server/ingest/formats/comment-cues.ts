/**
 * The controls that forums and comment widgets print around every post ("Reply", "Like",
 * "Antworten", "Ответить", like counts), and what an author line looks like. Copied page
 * text keeps these as lines of their own, which is how the line-based parsers find the
 * edges of a comment.
 */
import { isTimeLine } from './comment-dates';

/** "Reply" in the languages we ingest: the one control every comment section repeats. */
const REPLY_WORDS = [
  'reply',
  'antworten',
  'antwort',
  'ответить',
  'répondre',
  'responder',
  'rispondi',
  'odpowiedz',
  'beantwoorden',
  'reageren',
  'svara',
  'svar',
  'vastaa',
  'odpovědět',
  'yanıtla',
  'відповісти'
];

/** The other controls; multi-word ones first so the alternation prefers them. */
const OTHER_ACTIONS = [
  'reply with quote',
  'antwort mit zitat',
  'ответить с цитированием',
  'multi-quote this message',
  'gefällt mir',
  'мне нравится',
  "j'aime",
  'me gusta',
  'mi piace',
  'lubię to',
  'report abuse',
  'add bookmark',
  '\\+\\s?quote',
  '\\+\\s?zitieren',
  '\\+\\s?цитата',
  'like',
  'likes',
  'dislike',
  'share',
  'report',
  'flag',
  'quote',
  'edit',
  'delete',
  'permalink',
  'link',
  'upvote',
  'downvote',
  'vote up',
  'vote down',
  'teilen',
  'melden',
  'zitieren',
  'zitat',
  'bearbeiten',
  'löschen',
  'поделиться',
  'пожаловаться',
  'жалоба',
  'цитата',
  'цитировать',
  'нравится',
  'partager',
  'signaler',
  'citer',
  'compartir',
  'denunciar',
  'citar',
  'condividi',
  'segnala',
  'cita',
  'udostępnij',
  'zgłoś',
  'cytuj'
];

const ACTION = `(?:${[...OTHER_ACTIONS, ...REPLY_WORDS].join('|')})`;
const COUNT = '\\d[\\d.,]*\\s?[KkMmТт]?';
const ITEM = `(?:${ACTION}|${COUNT})`;
/** A line made only of controls and counts: "Reply", "Like · Reply · 3", "Report Like Reply". */
const CONTROLS_ONLY = new RegExp(`^[·•|]?\\s*${ITEM}(?:(?:\\s*[·•|]\\s*|\\s+)${ITEM})*\\s*$`, 'iu');
const HAS_ACTION = new RegExp(`(?:^|[\\s·•|])${ACTION}(?:$|[\\s·•|])`, 'iu');
const HAS_REPLY = new RegExp(`(?:^|[\\s·•|])(?:${REPLY_WORDS.join('|')})(?:$|[\\s·•|])`, 'iu');
const COUNT_LINE = new RegExp(`^${COUNT}$`, 'u');

/** A line of nothing but post controls ("Reply", "Like · Reply", "Report"). */
export function isActionLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 80 && CONTROLS_ONLY.test(trimmed) && HAS_ACTION.test(trimmed);
}

/** An action line that offers a reply: the one control nearly every comment carries. */
export function isReplyLine(line: string): boolean {
  return isActionLine(line) && HAS_REPLY.test(line.trim());
}

/** Whether a reply word stands anywhere in `text` as HAS_REPLY sees it: every reply line has one. */
export function hasReplyWord(text: string): boolean {
  return HAS_REPLY.test(text);
}

/** A bare count, like a like or vote tally ("12", "1.2K"). */
export function isCountLine(line: string): boolean {
  return COUNT_LINE.test(line.trim());
}

// isNameLine's tests, built once: a regex literal inside the function is a new RegExp object
// on every call, and the function is called for every short line of every page by several formats.
const SENTENCE_END = /[!?;:,"“”«»]$/u;
const INITIAL_END = /(?:^|[\s_.-])\p{L}{1,2}\.$/u;
const NAME_START = /^[@_\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/**
 * Could this line be an author's name or handle? Short, a few words, not a sentence, not a
 * timestamp or a control. Deliberately permissive about case and script: handles are
 * lower-case, names are Cyrillic, some have digits.
 */
export function isNameLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed.length > 40) return false;
  // Every line of every page is asked: the checks that allocate nothing go first.
  if (SENTENCE_END.test(trimmed)) return false;
  if (wordCount(trimmed) > 4) return false;
  // A full stop ends a sentence, not a name, unless it ends an initial ("Hannah K.", "Jr.").
  if (trimmed.endsWith('.') && !INITIAL_END.test(trimmed)) return false;
  if (!NAME_START.test(trimmed)) return false;
  if (!LETTER.test(trimmed)) return false;
  // "Reply", the short line every comment repeats, is an action: ruled out before the dearer date test.
  return !isActionLine(trimmed) && !isTimeLine(trimmed);
}

/** Words of an already-trimmed line, as `split(/\s+/).length` counts them, without the array. */
function wordCount(trimmed: string): number {
  WHITESPACE_RUN.lastIndex = 0;
  let words = 1;
  while (WHITESPACE_RUN.test(trimmed)) words++;
  return words;
}
const WHITESPACE_RUN = /\s+/g;

/** Joins a comment's lines into its text: paragraph breaks kept as one blank line. */
export function joinCommentLines(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Index of the last line that `test` accepts, or -1 (Array#findLastIndex is ES2023). */
export function lastIndexWhere(lines: readonly string[], test: (line: string) => boolean): number {
  for (let index = lines.length - 1; index >= 0; index--) if (test(lines[index]!)) return index;
  return -1;
}

/** Headings and prompts that open a comment section ("Comments (4)", "Join the discussion"). */
const SECTION_CHROME = new RegExp(
  '^(?:' +
    [
      '(?:\\d[\\d.,]*\\s+)?(?:comments?|kommentare?|комментари[йияев]+|commentaires?|réactions|comentarios?|commenti|komentarze|conversation|unterhaltung)(?:\\s*\\(\\d+\\))?',
      '\\d+ (?:thoughts|responses|replies|comments) (?:on|to) .+',
      'leave a (?:comment|reply)|join the (?:discussion|conversation)|post comment as\\.\\.\\.|add a comment(?:…|\\.\\.\\.)?',
      'write a comment|kommentar schreiben|написать комментарий|laisser un commentaire|what do you think\\?',
      'sign in|log in|anmelden|войти|sort by.*|sortieren nach.*|newest \\| oldest.*',
      'share this article|artikel teilen|diesen artikel teilen'
    ].join('|') +
    ')$',
  'iu'
);

export function isSectionChrome(line: string): boolean {
  return SECTION_CHROME.test(line.trim());
}

/**
 * Where the article ends: `start` moved up over the comment section's heading, prompts and
 * the share buttons under the article.
 */
export function articleEndBefore(lines: readonly string[], start: number): number {
  let end = start;
  while (end > 0) {
    const line = lines[end - 1]!.trim();
    if (line !== '' && !isSectionChrome(line) && !isActionLine(line)) break;
    end--;
  }
  return end;
}
