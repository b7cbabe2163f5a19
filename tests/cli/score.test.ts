/**
 * `score` end to end, as a script would run it: JSON lines on stdin, one result per line
 * on stdout in the same order and nothing else, a bad line reported on stderr.
 */
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/lib/server/classify/types';
import { runCli } from '../helpers/run-cli';

interface ScoreOutput {
  id: string | number;
  scores: Record<string, number>;
  flagged: string[];
  spans: { start: number; end: number; label: string; reason: string }[];
}

const runScore = (stdin: string) => runCli(['score'], { stdin });

const ECHO = 'Funny how (((Reuters))) always finds a new angle.';

describe('cli score', () => {
  it('answers every line in order with scores, flags and spans', async () => {
    const inputs = [
      { id: 'a', text: 'Good morning, thanks for the article.' },
      { id: 7, text: ECHO },
      ...Array.from({ length: 70 }, (_, index) => ({
        id: `bulk-${index}`,
        text: `comment ${index}`
      }))
    ];
    const { code, stdout, stderr } = await runScore(
      inputs.map((input) => JSON.stringify(input)).join('\n')
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const outputs = lines.map((line) => JSON.parse(line) as ScoreOutput);
    expect(outputs.map((output) => output.id)).toEqual(inputs.map((input) => input.id));
    for (const output of outputs) {
      expect(Object.keys(output).sort()).toEqual(['flagged', 'id', 'scores', 'spans']);
      expect(Object.keys(output.scores).sort()).toEqual([...LABELS].sort());
      for (const score of Object.values(output.scores)) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
    const echo = outputs[1]!;
    expect(echo.flagged).toContain('antisemitism');
    const span = echo.spans.find((candidate) => candidate.label === 'antisemitism');
    expect(span && ECHO.slice(span.start, span.end)).toContain('Reuters');
    expect(span?.reason.length).toBeGreaterThan(20);
    expect(outputs[0]!.flagged).toEqual([]);
  }, 120_000);

  it('skips a malformed line with its number on stderr, keeps the rest, exits 1', async () => {
    const { code, stdout, stderr } = await runScore(
      ['{"id":1,"text":"fine"}', 'not json', '{"id":2}', '', '{"id":3,"text":"also fine"}'].join(
        '\n'
      )
    );
    expect(code).toBe(1);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as ScoreOutput).id)
    ).toEqual([1, 3]);
    expect(stderr).toContain('line 2 skipped: not JSON');
    expect(stderr).toContain('line 3 skipped');
  }, 120_000);
});
