import type { Database } from '../storage/database';
import { migrate } from '../storage/migrate';
import type { SchemaComponent } from '../storage/schema-migrations';
import { postgresRateLimitCounter } from './counter-postgres';
import { sqliteRateLimitCounter } from './counter-sqlite';

/** A window's count so far, and when (seconds since the epoch) the window ends. */
export interface RateLimitHits {
  hits: number;
  windowEndsAt: number;
}

/** Rate-limit counters in the database, so every process on it counts towards one limit. */
export interface RateLimitCounter {
  /**
   * Counts one request for `key` — atomically, across processes: in the
   * key's current window, or in a new one of `windowSeconds` from `now` when
   * there is none or it has ended.
   */
  hit(key: string, now: number, windowSeconds: number): Promise<RateLimitHits>;
  /** `key`'s count in its window at `now`, without counting: 0 when it has none or it has ended. */
  peek(key: string, now: number): Promise<number>;
  /** Forgets the counters of windows that ended before `now`; returns how many. */
  forgetEnded(now: number): Promise<number>;
  /** Closes what the counter opened itself (SQLite's connection of its own). */
  close(): Promise<void>;
}

/** The counters' table, migrated apart from the core schema. */
const rateLimitSchema: SchemaComponent = { name: 'rate-limit', folder: new URL('./migrations/', import.meta.url) };

/** The rate-limit counters in an open database, their table created or brought up to date first. */
export async function openRateLimitCounter(database: Database): Promise<RateLimitCounter> {
  await migrate(database, rateLimitSchema);
  return database.engine === 'sqlite'
    ? sqliteRateLimitCounter(database.connection.name)
    : postgresRateLimitCounter(database.pool);
}
