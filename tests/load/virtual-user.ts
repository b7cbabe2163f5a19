/**
 * One signed-in moderator of the load test, looping until a deadline: open the queue page
 * (HTML), read the queue through the API, and decide on one of its comments. Everything it
 * sees goes into the shared tally: latencies by request kind, the decisions the app
 * accepted (201) and the ones it recorded as conflicts (409, someone decided first — an
 * expected outcome, not an error), and anything else as an error.
 */
import { LatencyLog } from './latency-log';

export class LoadTally {
  readonly latencies = new LatencyLog();
  /** Decision ids from 201 answers. */
  readonly applied: number[] = [];
  /** Decision ids the 409 answers say were recorded as conflicts. */
  readonly conflicts: number[] = [];
  /** 409 nothing_to_undo: someone else's undo got there first; nothing is recorded. */
  nothingToUndo = 0;
  /** Rounds that found the pending queue empty and undid an approval instead. */
  undoRounds = 0;
  /** Answers other than 2xx/409, and requests that failed at the socket. */
  readonly unexpected: string[] = [];
  readonly socketErrors: string[] = [];
}

interface QueueItem {
  comment: { id: number };
  version: number;
}

type Timed = { status: number; body: string } | undefined;

const REASONS = ['harassment', 'hate', 'spam', 'other'];

export async function runVirtualUser(
  appUrl: string,
  cookie: string,
  until: number,
  tally: LoadTally
): Promise<void> {
  const origin = new URL(appUrl).origin;

  async function timed(kind: string, path: string, init: RequestInit = {}): Promise<Timed> {
    const started = performance.now();
    try {
      const response = await fetch(new URL(path, appUrl), {
        ...init,
        headers: { cookie, origin, ...init.headers },
        redirect: 'manual'
      });
      const body = await response.text();
      tally.latencies.record(kind, performance.now() - started);
      const expected = (response.status >= 200 && response.status < 300) || response.status === 409;
      if (!expected)
        tally.unexpected.push(`${kind} ${path} → ${response.status}: ${body.slice(0, 200)}`);
      return { status: response.status, body };
    } catch (error) {
      tally.socketErrors.push(`${kind} ${path}: ${String(error)}`);
      return undefined;
    }
  }

  async function queueItems(status: string): Promise<QueueItem[]> {
    const answer = await timed('queue api', `/api/v1/queue?status=${status}&limit=50`);
    if (answer?.status !== 200) return [];
    return (JSON.parse(answer.body) as { items: QueueItem[] }).items;
  }

  while (Date.now() < until) {
    await timed('queue page', '/queue');
    let items = await queueItems('pending');
    let action = ['approve', 'remove', 'escalate'][Math.floor(Math.random() * 3)]!;
    if (items.length === 0) {
      // Every flagged comment decided: undo approvals, which puts them back in the queue.
      tally.undoRounds += 1;
      items = await queueItems('approved');
      action = 'undo';
    }
    const item = items[Math.floor(Math.random() * items.length)];
    if (!item) continue;
    const reason = action === 'remove' ? REASONS[item.comment.id % REASONS.length] : undefined;
    const answer = await timed('decision', `/api/v1/comments/${item.comment.id}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, reason, version: item.version })
    });
    if (answer) record(tally, answer);
  }
}

function record(tally: LoadTally, answer: { status: number; body: string }): void {
  if (answer.status === 201) {
    tally.applied.push((JSON.parse(answer.body) as { decision: { id: number } }).decision.id);
  } else if (answer.status === 409) {
    const { error } = JSON.parse(answer.body) as { error: { decision?: { id: number } } };
    if (error.decision) tally.conflicts.push(error.decision.id);
    else tally.nothingToUndo += 1;
  }
}
