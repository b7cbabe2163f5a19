/**
 * The triple-parentheses echo is evidence in every shape commenters use, and the
 * parentheses of code and maths never are.
 */
import { describe, expect, it } from 'vitest';
import { matchLexicon } from '../../../src/lib/server/classify/lexicon/component';

const echoIds = (text: string): string[] =>
  matchLexicon(text)
    .filter((match) => match.category === 'echo')
    .map((match) => match.entryId);

describe('echoes fire', () => {
  it.each([
    ['a name', 'ask (((Reuters))) who pays them', '(((Reuters)))', 'echo-triple-parentheses'],
    [
      'inner spaces',
      'it is always ((( the media )))',
      '((( the media )))',
      'echo-triple-parentheses'
    ],
    ['four parentheses', 'and ((((them)))) again', '((((them))))', 'echo-triple-parentheses'],
    ['a pronoun', '(((they))) want this', '(((they)))', 'echo-triple-parentheses'],
    ['inverted', 'guess who: )))Soros(((', ')))Soros(((', 'echo-inverted'],
    ['two parentheses', 'a ((Goldberg)) wrote it', '((Goldberg))', 'echo-double-parentheses'],
    [
      'fullwidth parentheses',
      '（（（Bloomberg））） again',
      '（（（Bloomberg）））',
      'echo-triple-parentheses'
    ],
    ['after emoji', '🤔🤔 (((bankers))) 🤔', '(((bankers)))', 'echo-triple-parentheses'],
    ['zero-width inside', '(((\u200bCNN)))', '(((\u200bCNN)))', 'echo-triple-parentheses'],
    [
      'a suffix after a dash',
      '(((them)))-controlled press',
      '(((them)))',
      'echo-triple-parentheses'
    ]
  ])('%s', (_, text, span, entryId) => {
    const match = matchLexicon(text).find((found) => found.entryId === entryId);
    expect(match).toBeDefined();
    expect(text.slice(match?.start, match?.end)).toBe(span);
  });

  it('finds each echo in a chain separated by = signs', () => {
    const text = '(((Reuters))) = (((WSJ))) = Buffett';
    expect(echoIds(text)).toEqual(['echo-triple-parentheses', 'echo-triple-parentheses']);
  });

  it('does not read the gap between two echoes as an inverted echo', () => {
    expect(echoIds('(((a lot))) and (((the rest)))')).not.toContain('echo-inverted');
  });
});

describe('code and maths do not fire', () => {
  it.each([
    ['a function call', 'f(((x)))'],
    ['a nested call', 'print(((value)))'],
    ['an operator inside', '((a+b))*c'],
    ['digits and an operator', '(((1 + 2)))'],
    ['an operator after', 'then ((x))*2'],
    ['an identifier inside', 'sum (((x_1)))'],
    ['a one-letter variable', 'let ((y)) be'],
    ['a comparison', '((count)) == 3'],
    ['source code', 'const total = ((price)) ;\nif (a) { return (((total))); }'],
    ['closing and opening calls', 'f(g(h(x))) or g(((y'],
    ['a hug', 'so sorry ((hugs))'],
    ['lisp', '(defun f (x) ((lambda (y) y) x))']
  ])('%s', (_, text) => {
    expect(echoIds(text)).toEqual([]);
  });
});
