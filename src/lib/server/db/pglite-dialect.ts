/**
 * kysely on embedded PGlite. PGlite is a single PostgreSQL backend, i.e. one session: two
 * interleaved transactions would share one BEGIN…COMMIT. So it is presented to kysely's own
 * PostgresDriver as a pool of exactly one connection, guarded by a mutex: a transaction holds
 * the connection from BEGIN to COMMIT and every other query waits its turn.
 *
 * Reusing PostgresDriver (rather than a driver of our own) means transactions, savepoints
 * and affected-row counts run the very same code on both engines.
 *
 * Consequence: inside `db.transaction()`, query through the `trx` you are given. A query on
 * `db` there waits for the transaction's connection, which waits for it: a deadlock on PGlite
 * (on PostgreSQL it would silently run outside the transaction, also a bug).
 *
 * Each turn starts after a trip through the event loop (connect()), so the server keeps
 * answering while queries queue.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult
} from 'kysely';
import { Mutex } from './mutex';

type Command = PostgresQueryResult<unknown>['command'];

class PGliteSession implements PostgresPoolClient {
  constructor(
    private readonly pglite: PGlite,
    readonly release: () => void
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = []
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      throw new Error('Streaming queries (cursors) are not supported on PGlite');
    }
    return this.run<R>(sqlOrCursor, parameters);
  }

  private async run<R>(
    sql: string,
    parameters: ReadonlyArray<unknown>
  ): Promise<PostgresQueryResult<R>> {
    const result = await this.pglite.query<R>(sql, [...parameters]);
    return {
      rows: result.rows,
      // PGlite reports the command tag like pg does ('INSERT', 'UPDATE', 'CREATE', …).
      command: (result.command ?? 'SELECT') as Command,
      rowCount: result.rowCount ?? result.affectedRows ?? 0
    };
  }
}

class PGliteSessionPool implements PostgresPool {
  readonly #mutex = new Mutex();
  #closed = false;

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    const release = await this.#mutex.lock();
    // PGlite runs a query on this thread, and the next waiter's turn arrives as a
    // microtask, so a queue of queries would drain without the event loop running once:
    // under 50 users that held the server for 300–800 ms at a time while requests waited
    // unread (queue page p99 8 s). One macrotask hop per query lets I/O in between.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.#closed) {
      release();
      throw new Error('The embedded database has been closed');
    }
    return new PGliteSession(this.pglite, release);
  }

  /** Waits for the query or transaction in progress, then closes PGlite. */
  async end(): Promise<void> {
    const release = await this.#mutex.lock();
    try {
      if (this.#closed) return;
      this.#closed = true;
      await this.pglite.close();
    } finally {
      release();
    }
  }
}

export function createPGliteDialect(pglite: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new PGliteSessionPool(pglite) });
}
