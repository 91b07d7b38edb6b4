import type BetterSqlite3 from 'better-sqlite3';

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/** Commits one batch: one result (or error) per item, in order, or throws when the whole batch failed. */
export type BatchCommit<Item, Result> = (items: Item[]) => Promise<(Result | BatchItemError)[]>;

/** One item of a batch that failed on its own (a constraint), while the rest of its batch committed. */
export class BatchItemError {
  constructor(readonly error: unknown) {}
}

/** More than this waits for the next batch, so one commit never holds the event loop for long. */
const maxBatchSize = 512;

/**
 * Group commit. A durable commit costs a flush to disk (an fsync), which
 * takes far longer than the write itself; done one request at a time it
 * caps token creation at a few hundred a second per disk and blocks the
 * event loop meanwhile. Instead, writes that arrive together — in the same
 * turn of the event loop, or while the previous batch is committing — share
 * one transaction and one flush. Each caller's promise settles only after
 * its batch has committed, so nothing is acknowledged before it is on disk.
 */
export function groupCommit<Item, Result>(commitBatch: BatchCommit<Item, Result>): (item: Item) => Promise<Result> {
  let queue: Pending<Item, Result>[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    draining = true;
    while (queue.length > 0) {
      // Let the requests already read from the sockets reach their writes and join this batch.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.slice(0, maxBatchSize);
      queue = queue.slice(batch.length);
      try {
        const results = await commitBatch(batch.map((pending) => pending.item));
        batch.forEach((pending, index) => {
          const result = results[index];
          if (result instanceof BatchItemError) pending.reject(result.error);
          else pending.resolve(result);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    draining = false;
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!draining) void drain();
    });
}

/** A write to run inside a SQLite batch's transaction; it must be synchronous (better-sqlite3 is). */
export type SqliteWrite<Result> = () => Result;

const sqliteCommitters = new WeakMap<BetterSqlite3.Database, (write: SqliteWrite<unknown>) => Promise<unknown>>();

/**
 * The connection's one group committer: the vault's and the idempotency
 * store's writes share its transactions, so a token and the idempotency
 * record that answers for it need no fsync of their own. A write that fails
 * alone (a constraint) is rolled back alone, as SQLite does for a statement;
 * a failure that ends the transaction (disk full, I/O error) fails the batch.
 */
export function sqliteGroupCommit<Result>(db: BetterSqlite3.Database): (write: SqliteWrite<Result>) => Promise<Result> {
  let committer = sqliteCommitters.get(db);
  if (!committer) {
    const runBatch = db.transaction((writes: SqliteWrite<unknown>[]) =>
      writes.map((write) => {
        try {
          return write();
        } catch (error) {
          // Disk full or an I/O error rolled the whole transaction back: later writes must not run outside it.
          if (!db.inTransaction) throw error;
          return new BatchItemError(error);
        }
      }),
    );
    // IMMEDIATE: the batch takes the write lock at BEGIN, so another process's writer makes it wait, never fail.
    committer = groupCommit<SqliteWrite<unknown>, unknown>(async (writes) => runBatch.immediate(writes));
    sqliteCommitters.set(db, committer);
  }
  return committer as (write: SqliteWrite<Result>) => Promise<Result>;
}
