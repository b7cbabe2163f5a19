/**
 * A kysely plugin that makes every INSERT into one table throw, as a failing database would:
 * `ingestDocument(db.withPlugin(failingInsertsInto('comments')), …)` fails half way through
 * its transaction, after the document and article rows went in.
 */
import { InsertQueryNode, type KyselyPlugin } from 'kysely';

export class InjectedFailure extends Error {
  override readonly name = 'InjectedFailure';
}

export function failingInsertsInto(table: string): KyselyPlugin {
  return {
    transformQuery({ node }) {
      if (InsertQueryNode.is(node) && node.into?.table.identifier.name === table) {
        throw new InjectedFailure(`injected failure inserting into ${table}`);
      }
      return node;
    },
    transformResult: async ({ result }) => result
  };
}
