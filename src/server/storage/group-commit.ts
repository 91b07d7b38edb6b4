import fs from 'node:fs';
import { dirname } from 'node:path';
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
 * turn of the event loop, or while earlier batches are committing — share
 * one transaction and one flush. Each caller's promise settles only after
 * its batch has committed, so nothing is acknowledged before it is on disk.
 * `inFlight` batches may commit at once: a server that flushes concurrent
 * commits together (PostgreSQL) then takes the next batch while the
 * previous one waits for its flush.
 */
export function groupCommit<Item, Result>(
  commitBatch: BatchCommit<Item, Result>,
  inFlight = 1,
): (item: Item) => Promise<Result> {
  let queue: Pending<Item, Result>[] = [];
  let committing = 0;
  let waiting = false;

  async function commit(batch: Pending<Item, Result>[]): Promise<void> {
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

  function startBatch(): void {
    waiting = false;
    const batch = queue.slice(0, maxBatchSize);
    queue = queue.slice(batch.length);
    committing++;
    void commit(batch).finally(() => {
      committing--;
      next();
    });
    next();
  }

  function next(): void {
    if (waiting || committing >= inFlight || queue.length === 0) return;
    // Let the requests already read from the sockets reach their writes and join this batch.
    waiting = true;
    setImmediate(startBatch);
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      next();
    });
}

/** A write to run inside a SQLite batch's transaction; it must be synchronous (better-sqlite3 is). */
export type SqliteWrite<Result> = () => Result;

const sqliteCommitters = new WeakMap<BetterSqlite3.Database, (write: SqliteWrite<unknown>) => Promise<unknown>>();

/** Flushes `fd`'s file to disk (fdatasync) on libuv's thread pool, so the event loop serves requests meanwhile. */
function flush(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())));
}

/** The open WAL file of each connection whose batches flush it off the main thread, closed with the connection. */
const walFiles = new WeakMap<BetterSqlite3.Database, number>();

/**
 * Closes what `sqliteGroupCommit` opened beside the connection (the WAL
 * file it flushes); call it when closing the connection.
 */
export function closeSqliteGroupCommit(db: BetterSqlite3.Database): void {
  const fd = walFiles.get(db);
  walFiles.delete(db);
  if (fd !== undefined) fs.closeSync(fd);
}

/**
 * Commits a batch on a WAL connection set to `synchronous = FULL` without
 * holding the event loop during the flush: the transaction commits with
 * `synchronous = NORMAL` (its frames written to the WAL, not yet flushed),
 * then the WAL file is flushed off the main thread, and only then are the
 * batch's callers answered — what FULL would have done, without blocking.
 * NORMAL still flushes the WAL before a checkpoint copies it into the
 * database and the database after, so a checkpoint never lets the WAL be
 * overwritten while its pages are only in memory. SQLite keeps the WAL file
 * while a connection is open, so it is opened once, with its directory
 * flushed so that the file itself survives a power cut. A failed flush
 * fails the batch and every later one: after it the kernel may have dropped
 * the unwritten pages, and a later flush that succeeds would not bring them
 * back.
 */
function offThreadFlush(db: BetterSqlite3.Database, runBatch: BatchCommit<SqliteWrite<unknown>, unknown>) {
  const walPath = `${db.name}-wal`;
  const normal = db.prepare('PRAGMA synchronous = NORMAL');
  const full = db.prepare('PRAGMA synchronous = FULL');
  let failed: unknown = null;
  const walFile = async () => {
    let fd = walFiles.get(db);
    if (fd === undefined) {
      const directory = fs.openSync(dirname(walPath), 'r');
      try {
        await flush(directory);
      } finally {
        fs.closeSync(directory);
      }
      fd = fs.openSync(walPath, 'r');
      walFiles.set(db, fd);
    }
    return fd;
  };
  return async (writes: SqliteWrite<unknown>[]) => {
    if (failed) throw failed;
    normal.run();
    let results: (unknown | BatchItemError)[];
    try {
      results = await runBatch(writes);
    } finally {
      full.run();
    }
    try {
      await flush(await walFile());
    } catch (error) {
      failed = error;
      throw error;
    }
    return results;
  };
}

/**
 * The connection's one group committer: the vault's and the idempotency
 * store's writes share its transactions, so a token and the idempotency
 * record that answers for it need no fsync of their own. A write that fails
 * alone (a constraint) is rolled back alone, as SQLite does for a statement;
 * a failure that ends the transaction (disk full, I/O error) fails the batch.
 * On a durable file (WAL, `synchronous = FULL`) the flush happens off the
 * main thread (`offThreadFlush`); elsewhere (the rate-limit counters,
 * `:memory:`) SQLite commits as the connection is set.
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
    const commitBatch: BatchCommit<SqliteWrite<unknown>, unknown> = async (writes) => runBatch.immediate(writes);
    const durableWal =
      !db.memory &&
      db.pragma('journal_mode', { simple: true }) === 'wal' &&
      db.pragma('synchronous', { simple: true }) === 2;
    committer = groupCommit(durableWal ? offThreadFlush(db, commitBatch) : commitBatch);
    sqliteCommitters.set(db, committer);
  }
  return committer as (write: SqliteWrite<Result>) => Promise<Result>;
}
