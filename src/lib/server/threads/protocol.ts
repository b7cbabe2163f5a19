/** What goes between a process and a request thread: a body, with an id when answered. */
export interface ThreadMessage {
  id?: number;
  body: unknown;
}

export type ThreadAnswer = { id: number; result: unknown } | { id: number; error: string };
