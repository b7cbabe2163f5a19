/**
 * The stories the synthetic articles tell, so that story grouping meets what a news corpus
 * gives it: each story is covered by 1–6 outlets (about 3 on average), each outlet's
 * write-up within two days of the story breaking, stories spread over a year. A story has
 * its own vocabulary (people, a place, an organisation, topic words, figures, a quote every
 * outlet carries), and each write-up adds words of its own, so articles on one story share
 * many terms and articles on different stories almost none.
 *
 * Articles come in blocks of BLOCK consecutive indexes, each block cut into stories from its
 * own seed, so an article's story follows from (seed, index) alone.
 */
import { createRandom, mixSeed, type Random } from './random';
import { FIRST_NAMES } from './vocabulary';

const BLOCK = 24;
/** Outlets per story, 1 to 6, weighted so that the mean is about 3. */
const COVERAGE_WEIGHTS = [0.15, 0.18, 0.2, 0.17, 0.16, 0.14];
const STORIES_FROM = Date.UTC(2024, 0, 1);
const STORY_SPREAD_DAYS = 365;
const COVERAGE_SPREAD_HOURS = 48;
const HOUR = 60 * 60 * 1000;

const SYLLABLES = [
  'bar',
  'cen',
  'dor',
  'fel',
  'gan',
  'hol',
  'kir',
  'lom',
  'mer',
  'nor',
  'pel',
  'quin',
  'ros',
  'sab',
  'tor',
  'vel',
  'wen',
  'zar',
  'ath',
  'ell',
  'ing',
  'ock',
  'und',
  'ysh',
  'bri',
  'cas',
  'dun',
  'esk',
  'fro',
  'gil'
];
const PLACE_ENDINGS = ['ford', 'ton', 'by', 'mouth', 'field', 'wick', 'ham', 'stead'];
const ORGANISATION_KINDS = [
  'Council',
  'Trust',
  'Holdings',
  'Authority',
  'Union',
  'Group',
  'Board',
  'Partnership',
  'Foundation',
  'Agency',
  'Society',
  'Institute'
];

export interface Story {
  /** Unique in the corpus: the index of the story's first article. */
  id: number;
  /** The article's place among the story's outlets (0 for the first to cover it). */
  part: number;
  brokeAt: number;
  people: [string, string];
  place: string;
  organisation: string;
  topics: string[];
  figures: number[];
  quote: string;
  /** What comment threads argue about. */
  subject: string;
}

/** The story that article `index` covers. */
export function storyOf(seed: number, index: number): Story {
  const block = Math.floor(index / BLOCK);
  const cutRandom = createRandom(mixSeed(seed, 3, block));
  let start = block * BLOCK;
  for (;;) {
    const size = Math.min(coverage(cutRandom), (block + 1) * BLOCK - start);
    if (index < start + size) return storyFacts(seed, start, index - start);
    start += size;
  }
}

function coverage(random: Random): number {
  let draw = random.next();
  for (let index = 0; index < COVERAGE_WEIGHTS.length; index++) {
    draw -= COVERAGE_WEIGHTS[index]!;
    if (draw < 0) return index + 1;
  }
  return COVERAGE_WEIGHTS.length;
}

function storyFacts(seed: number, id: number, part: number): Story {
  const random = createRandom(mixSeed(seed, 4, id));
  const person = () => `${random.pick(FIRST_NAMES)} ${coinedWord(random, true)}`;
  const people: [string, string] = [person(), person()];
  const place = `${coinedWord(random, true)}${random.pick(PLACE_ENDINGS)}`;
  const organisation = `${coinedWord(random, true)} ${random.pick(ORGANISATION_KINDS)}`;
  const topics = Array.from({ length: 12 }, () => coinedWord(random, false));
  const figures = Array.from({ length: 3 }, () => random.int(100, 9999));
  const quote = `We ${topics[0]} the ${topics[1]} and we will not ${topics[2]} ${place} for ${figures[0]} ${topics[3]}`;
  return {
    id,
    part,
    brokeAt: STORIES_FROM + random.int(0, STORY_SPREAD_DAYS * 24) * HOUR,
    people,
    place,
    organisation,
    topics,
    figures,
    quote,
    subject: `the ${topics[1]} in ${place}`
  };
}

/** A made-up word of three syllables (27,000 possible, so two stories rarely share one). */
export function coinedWord(random: Random, capitalised: boolean): string {
  const syllables = Array.from({ length: 3 }, () => random.pick(SYLLABLES));
  const word = syllables.join('');
  return capitalised ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** When this outlet published: within COVERAGE_SPREAD_HOURS of the story breaking. */
export function publicationTime(story: Story, random: Random): Date {
  const delay = story.part === 0 ? 0 : random.int(1, COVERAGE_SPREAD_HOURS);
  return new Date(story.brokeAt + delay * HOUR + random.int(0, 59) * 60_000);
}

/**
 * One outlet's write-up: sentences of function words around the story's facts (so only the
 * facts are terms), a few words of the outlet's own, and the quote.
 */
export function storyParagraphs(story: Story, random: Random): string[] {
  const topic = () => random.pick(story.topics);
  const own = () => coinedWord(random, false);
  const [first, second] = story.people;
  const figure = () => random.pick(story.figures);
  const templates = [
    () => `${first} said the ${topic()} at ${story.place} would cost ${figure()} ${own()}`,
    () =>
      `According to the ${story.organisation}, ${figure()} ${topic()} were ${own()} in ${story.place}`,
    () => `"${story.quote}," ${first} said`,
    () => `The ${story.organisation} has not said when the ${topic()} ${topic()} will be ${own()}`,
    () =>
      `${second}, who ${own()} the ${topic()} for the ${story.organisation}, said it was ${topic()}`,
    () => `The ${topic()} and the ${topic()} had been ${own()} since ${figure()}`,
    () => `In ${story.place}, ${figure()} ${topic()} ${own()} on the ${topic()}`,
    () => `${second} asked the ${story.organisation} for more ${topic()} about the ${topic()}`,
    () => `${first} added that ${topic()} ${own()} could be ${topic()} by then`
  ];
  return Array.from({ length: random.int(3, 6) }, () =>
    Array.from({ length: random.int(2, 4) }, () => `${random.pick(templates)()}.`)
      .map((text) => text.charAt(0).toUpperCase() + text.slice(1))
      .join(' ')
  );
}

/** A headline from the story's facts, worded by the outlet. */
export function storyHeadline(story: Story, random: Random): string {
  const words = [story.place, random.pick(story.topics), random.pick(story.topics)];
  const headline = `${words.join(' ')} ${coinedWord(random, false)}`;
  return headline.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}
