/**
 * Nests a thread listed in page order (every parent before its replies) into a tree, so
 * the article page can draw replies inside the comment they answer.
 */
export interface ThreadNode<T> {
  comment: T;
  replies: ThreadNode<T>[];
}

export function buildThreadTree<T extends { id: number; parentId: number | null }>(
  comments: readonly T[]
): ThreadNode<T>[] {
  const roots: ThreadNode<T>[] = [];
  const byId = new Map<number, ThreadNode<T>>();
  for (const comment of comments) {
    const node: ThreadNode<T> = { comment, replies: [] };
    byId.set(comment.id, node);
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    // A reply whose parent is missing still shows, at the top level, rather than vanishing.
    (parent?.replies ?? roots).push(node);
  }
  return roots;
}
