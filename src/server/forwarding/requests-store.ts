import type { Database } from '../storage/database';
import type { ModeScope } from '../storage/types';
import { openDestinationStore } from './destinations-store';
import { postgresRequestStore } from './requests-postgres';
import { sqliteRequestStore } from './requests-sqlite';

/** A `forwarding.request` object as the API returns it: redacted, no raw card value in it. */
export type ForwardingRequestObject = Record<string, unknown> & { id: string; created: number };

export interface ForwardingRequestRecord extends ModeScope {
  id: string;
  request: ForwardingRequestObject;
  created: number;
}

export interface RequestStore {
  insertRequest(record: ForwardingRequestRecord): Promise<void>;
  /** Scoped like tokens: another account's request, or the other mode's, is "not found". */
  getRequest(id: string, scope: ModeScope): Promise<ForwardingRequestRecord | null>;
  /** Newest first, as Stripe lists; `startingAfter` is the id of the last one of the previous page. */
  listRequests(scope: ModeScope, limit: number, startingAfter?: string): Promise<ForwardingRequestRecord[]>;
}

/** The forwarded requests in an open database, forwarding's tables brought up to date first. */
export async function openRequestStore(database: Database): Promise<RequestStore> {
  // The destinations' store runs the component's migrations, this table's among them.
  await openDestinationStore(database);
  return database.engine === 'sqlite' ? sqliteRequestStore(database.connection) : postgresRequestStore(database.pool);
}
