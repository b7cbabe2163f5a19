/** A kysely plugin that counts the SELECT queries run through it, to see how a reader pages. */
import { SelectQueryNode, type KyselyPlugin } from 'kysely';

export function countingSelects(): KyselyPlugin & { count: () => number } {
  let count = 0;
  return {
    count: () => count,
    transformQuery({ node }) {
      if (SelectQueryNode.is(node)) count += 1;
      return node;
    },
    transformResult: async ({ result }) => result
  };
}
