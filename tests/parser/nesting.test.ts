/**
 * The nesting guard refuses pathologically deep HTML before parsing, and never a real page:
 * the estimate errs low (unclosed <p>/<li>, script text, comments and void elements never
 * count), and an end tag closes what was left open inside it, as in HTML.
 */
import { describe, expect, it } from 'vitest';
import { estimateNestingDepth, MAX_NESTING_DEPTH } from '../../src/lib/server/ingest/nesting';
import { parseDocument } from '../../src/lib/server/ingest/parse';

const depthOf = (html: string) => estimateNestingDepth(html, Number.MAX_SAFE_INTEGER).depth;

describe('estimateNestingDepth', () => {
  it('counts nested elements', () => {
    expect(depthOf('<div><section><span>x</span></section></div>')).toBe(3);
    expect(depthOf('<DIV><Div>x</dIV></div>')).toBe(2);
  });

  it('an end tag closes the elements left open inside it', () => {
    const unclosedSpans = '<div><span>a<span>b</div>'.repeat(5000);
    expect(depthOf(unclosedSpans)).toBe(3);
  });

  it('ignores elements whose end tag may be left out, void and self-closed elements', () => {
    expect(depthOf('<ul>' + '<li><p>item<br><img src=x>'.repeat(5000) + '</ul>')).toBe(1);
    expect(depthOf('<div>' + '<svg/><path />'.repeat(5000) + '</div>')).toBe(1);
  });

  it('ignores tags inside comments, scripts and styles, and stray end tags', () => {
    const hidden = `<!-- ${'<div>'.repeat(5000)} --><script>var s = "${'<div>'.repeat(5000)}";</script>`;
    expect(depthOf(`${hidden}<style>${'<b>'.repeat(5000)}</style></div></div><main>x</main>`)).toBe(
      1
    );
  });

  it('stops as soon as the limit is passed, saying where', () => {
    const deep = '<div>'.repeat(100_000);
    expect(estimateNestingDepth(deep, 10)).toEqual({ depth: 11, exceeded: true, at: 50 });
  });

  it('text with stray `<` and tags that never end are no depth at all', () => {
    expect(depthOf('1 < 2 and 3 <4 and <!x and </ y')).toBe(0);
    expect(depthOf('<div class="never closed')).toBe(0);
  });
});

describe('parseDocument and deep nesting', () => {
  it(`refuses HTML nested deeper than ${MAX_NESTING_DEPTH} levels as unparseable, with the reason`, () => {
    const html = `<!DOCTYPE html><html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`;
    expect(() => parseDocument(html)).toThrow(
      expect.objectContaining({
        code: 'unparseable',
        message: expect.stringMatching(/nests its elements more than 1,000 levels deep.*paste it/)
      })
    );
  });

  it('parses HTML nested just within the limit', () => {
    const html = `<!DOCTYPE html><html><body>${'<div>'.repeat(MAX_NESTING_DEPTH)}Deep text.${'</div>'.repeat(MAX_NESTING_DEPTH)}</body></html>`;
    expect(parseDocument(html).article.body).toContain('Deep text.');
  });
});
