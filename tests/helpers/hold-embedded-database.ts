/**
 * A second threadwatch process for the lock tests:
 *   node --import tsx tests/helpers/hold-embedded-database.ts <dataDir>
 * Opens the embedded database, migrates it, stores one document, prints "ready", and holds
 * the database until its stdin closes (then closes cleanly) or it is killed. If the database
 * is in use it prints "in-use <pid> <message>" and exits with status 3.
 */
import { insertDocument } from '../../src/lib/server/corpus';
import { createDb, DatabaseInUseError, migrateToLatest } from '../../src/lib/server/db';
import { sha256Hex } from './corpus-factories';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-embedded-database.ts <dataDir>');

try {
  const database = await createDb({ dataDir });
  await migrateToLatest(database.db);
  const content = new TextEncoder().encode(`written by pid ${process.pid}`);
  await insertDocument(database.db, {
    sha256: sha256Hex(content),
    fileName: 'held.txt',
    content,
    parse: { status: 'failed', errorCode: 'empty', error: 'test row' }
  });
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void database.close().then(() => process.exit(0));
  });
} catch (error) {
  if (!(error instanceof DatabaseInUseError)) throw error;
  process.stdout.write(`in-use ${error.holder.pid} ${error.message}\n`);
  process.exit(3);
}
