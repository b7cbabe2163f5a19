/**
 * A corpus for the load test, larger than the five seeds: `articles` WordPress-style pages
 * of `commentsPerArticle` comments each, written as files for `serve` to ingest on an empty
 * database (THREADWATCH_SEEDS_DIR). Every third comment is abusive (insults and swearing,
 * our own synthetic text), so the classifier flags plenty for the queue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manyCommentsPage } from '../helpers/many-comments-page';

const TOPICS = ['ferry fares', 'the harbour bridge', 'school buses', 'the town budget', 'parking'];

const ABUSE = [
  (who: string) => `Shut up, ${who}, you pathetic idiot. Nobody cares about your stupid shit.`,
  (who: string) => `${who} is a brainless moron and a liar, what a disgusting piece of trash.`,
  (who: string) => `What a load of crap, ${who}. Go to hell, you worthless fucking clown.`
];

const CIVIL = [
  (who: string) => `Thanks ${who}, that is a fair point about the costs.`,
  (who: string) => `I disagree with ${who} on the timing, but the plan looks reasonable.`
];

export function writeSyntheticCorpus(
  dir: string,
  { articles, commentsPerArticle }: { articles: number; commentsPerArticle: number }
): void {
  mkdirSync(dir, { recursive: true });
  for (let article = 0; article < articles; article++) {
    const topic = TOPICS[article % TOPICS.length]!;
    const page = manyCommentsPage(commentsPerArticle, {
      title: `Council Debate Number ${article + 1} on ${topic}`,
      text: (index) => {
        const who = `reader ${article + 1}-${index + 1}`;
        const pick = index % 3 === 0 ? ABUSE[index % ABUSE.length]! : CIVIL[index % CIVIL.length]!;
        return pick(who);
      }
    });
    writeFileSync(join(dir, `load-${String(article).padStart(3, '0')}.txt`), page);
  }
}
