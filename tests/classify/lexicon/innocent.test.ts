/**
 * Innocent look-alikes do not fire, or fire only as a dampen factor for fusion, while the
 * same words in a hostile context still do.
 */
import { describe, expect, it } from 'vitest';
import { matchLexicon, scoreText } from '../../../src/lib/server/classify/lexicon/component';

const antisemitism = (text: string): number => scoreText(text).scores.antisemitism ?? 0;

describe('innocent look-alikes', () => {
  it.each([
    ['Rothschild Boulevard', 'We had coffee on Rothschild Boulevard in Tel Aviv.', 0.5],
    ['Rothschild Blvd', 'The office is at 22 Rothschild Blvd., near the bank.', 0.5],
    ['a shekel price', 'A falafel there costs 50 shekels.', 0.5],
    ['the shekel exchange rate', 'The shekel exchange rate rose against the dollar.', 0.5],
    [
      'NIS amounts',
      'Rent went up to NIS 4,000, about 1,100 dollars or 4000 new Israeli shekels.',
      0.5
    ],
    ['a tribal council', 'The tribal council met on Tuesday to vote on the casino.', 0.8]
  ])('%s scores 0 and dampens the models', (_, text, factor) => {
    const result = scoreText(text);
    expect(result.spans).toEqual([]);
    expect(result.scores.antisemitism).toBe(0);
    expect(result.dampen?.antisemitism).toBe(factor);
  });

  it.each([
    [
      'a news sentence naming an outlet and a person',
      'Reuters reported that Sergei Ryabkov said the talks would go on.'
    ],
    ['a donation', 'George Soros donated to the campaign.'],
    [
      'Marx on the Jewish question',
      'Marx wrote his 1843 essay On the Jewish Question in response to Bauer.'
    ],
    [
      'Shylock in a review',
      'The new production of the play gives Shylock real dignity in the trial scene.'
    ],
    ['Tottenham fans', 'The Tottenham fans sang about the Yid Army again.'],
    ['the history of the Khazars', 'The Khazar khaganate ruled the steppe in the ninth century.'],
    ['every single time without context', 'My dog barks every single time the doorbell rings.'],
    ['a jq pipeline', 'Pipe the curl output into jq to parse the JSON.'],
    ['an oven', 'Put the turkey in the oven for 6 hours.'],
    ['shut it down without context', 'The server is overheating, shut it down.'],
    ['a globalist without context', 'Globalists and nationalists disagree about trade.'],
    ['the number 14', 'Not 19? You sure it was not 14? Or 88?'],
    ['spic and span', 'The kitchen is spic and span.'],
    ['a Maine Coon', 'Our Maine Coon sleeps all day.'],
    ['a fag end', 'He threw the fag end into the gutter.'],
    ['Moby Dick', 'I finally read Moby Dick.'],
    ['blue tits', 'Blue tits nest in the garden.'],
    ['a Native tribe', 'The Navajo tribe voted on the water rights deal.']
  ])('%s does not fire', (_, text) => {
    expect(matchLexicon(text)).toEqual([]);
  });
});

describe('the same words in a hostile context fire', () => {
  it.each([
    ['shekels as a taunt', 'How many shekels did they pay you, shill?', 'shekels-taunt'],
    ['Rothschild control', 'The Rothschilds own every central bank.', 'rothschild-control'],
    ['Soros as puppet master', 'Soros is the puppet master behind it all.', 'soros-puppet-master'],
    ['globalists next to Jews', 'The globalists are all jews anyway.', 'coded-control-trope'],
    [
      'every single time next to an echo term',
      'Every single time it is the jews.',
      'every-single-time'
    ],
    ['the tribe and the media', 'The tribe runs the media.', 'the-tribe'],
    ['shut it down after goyim', 'Oy vey the goyim are noticing, shut it down!', 'shut-it-down'],
    ['ovens as a wish', 'Back to the ovens with the kikes.', 'oven-jokes'],
    ['88 next to heil', 'heil 88 brothers', 'numeric-88'],
    ['Shylock as a slur', 'That shylock charged me 40 percent.', 'shylock'],
    ['Yid as a slur', 'Get out of here, yid.', 'slur-yid']
  ])('%s', (_, text, entryId) => {
    expect(matchLexicon(text).map((match) => match.entryId)).toContain(entryId);
  });

  it('keeps a taunt next to an innocent price', () => {
    const text = 'It costs 50 shekels. Enjoy your shekels, you greedy merchant.';
    const taunts = matchLexicon(text).filter((match) => match.entryId === 'shekels-taunt');
    expect(taunts.map((match) => text.slice(match.start, match.end))).toEqual(['shekels']);
    expect(taunts[0]?.start).toBe(text.lastIndexOf('shekels'));
  });

  it('lets an echo outweigh the dampen of an innocent street name', () => {
    expect(antisemitism('(((They))) own Rothschild Boulevard too.')).toBeGreaterThanOrEqual(0.8);
  });
});
