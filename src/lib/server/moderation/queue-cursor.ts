/**
 * The queue's keyset cursor: the (severity, comment id) of the last item shown, as an
 * opaque URL-safe string. Opaque so pages can't build one by hand and the key can change.
 */
import { z } from 'zod';

export interface QueuePosition {
  severity: number;
  commentId: number;
}

/** A cursor that was not made by encodeCursor (edited URL, another version's cursor). */
export class InvalidCursorError extends Error {
  constructor() {
    super('The queue position in this link is not valid; start from the first page');
    this.name = 'InvalidCursorError';
  }
}

const positionSchema = z.tuple([z.number(), z.number().int().positive()]);

export function encodeCursor({ severity, commentId }: QueuePosition): string {
  // JSON keeps a double exact: JS prints the shortest text that parses back to it.
  return Buffer.from(JSON.stringify([severity, commentId])).toString('base64url');
}

export function decodeCursor(cursor: string): QueuePosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const parsed = positionSchema.safeParse(decoded);
  if (!parsed.success) throw new InvalidCursorError();
  const [severity, commentId] = parsed.data;
  return { severity, commentId };
}
