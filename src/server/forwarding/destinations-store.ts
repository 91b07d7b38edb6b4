import type { Database } from '../storage/database';
import { migrate } from '../storage/migrate';
import type { SchemaComponent } from '../storage/schema-migrations';
import { postgresDestinationStore } from './destinations-postgres';
import { sqliteDestinationStore } from './destinations-sqlite';

/** The card values a destination can receive, each written where its mapping says. */
export const replacementFields = [
  'card_number',
  'card_exp_month',
  'card_exp_year',
  'card_cvc',
  'cardholder_name',
] as const;
export type ReplacementField = (typeof replacementFields)[number];

/**
 * Where one card value goes in the outbound body: a JSON pointer (`/a/b`)
 * for a JSON body, or a field name for a form body.
 */
export interface FieldMapping {
  field: ReplacementField;
  target: string;
}

/**
 * A header the service adds to every request to the destination. A processor
 * credential is named by `env` and read from the service's environment when
 * sending, so it is never written to the database.
 */
export type DestinationHeader = { name: string; value: string } | { name: string; env: string };

export interface ForwardingDestination {
  id: string;
  accountId: string;
  /** The exact URL a forward must name; nothing else of the host can be reached. */
  url: string;
  method: string;
  mappings: FieldMapping[];
  headers: DestinationHeader[];
  /** Loopback and private addresses are refused unless this is set (local processor stubs). */
  allowPrivateNetwork: boolean;
  created: number;
}

export interface DestinationStore {
  /** Adds it; false when the account already has a destination with that URL. */
  addDestination(destination: ForwardingDestination): Promise<boolean>;
  /** Read on every forward, never cached: a removal counts for the next request. */
  findDestination(accountId: string, url: string): Promise<ForwardingDestination | null>;
  listDestinations(): Promise<ForwardingDestination[]>;
  removeDestination(id: string): Promise<boolean>;
}

/** Forwarding's tables, migrated apart from the core schema like the Plaid sandbox's. */
const forwardingSchema: SchemaComponent = { name: 'forwarding', folder: new URL('./migrations/', import.meta.url) };

/** The destinations in an open database, their table created or brought up to date first. */
export async function openDestinationStore(database: Database): Promise<DestinationStore> {
  await migrate(database, forwardingSchema);
  return database.engine === 'sqlite'
    ? sqliteDestinationStore(database.connection)
    : postgresDestinationStore(database.pool);
}
