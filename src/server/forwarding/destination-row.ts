import type { ForwardingDestination } from './destinations-store';

/** A forwarding_destinations row as both engines return it. */
export interface DestinationRow {
  id: string;
  account_id: string;
  url: string;
  method: string;
  mappings_json: string;
  headers_json: string;
  allow_private_network: number | boolean;
  created: number | string;
}

export function destinationFromRow(row: DestinationRow): ForwardingDestination {
  return {
    id: row.id,
    accountId: row.account_id,
    url: row.url,
    method: row.method,
    mappings: JSON.parse(row.mappings_json) as ForwardingDestination['mappings'],
    headers: JSON.parse(row.headers_json) as ForwardingDestination['headers'],
    allowPrivateNetwork: Boolean(row.allow_private_network),
    created: Number(row.created),
  };
}

/** The row's values in column order: id, account_id, url, method, mappings_json, headers_json, created. */
export function destinationColumns(destination: ForwardingDestination) {
  return [
    destination.id,
    destination.accountId,
    destination.url,
    destination.method,
    JSON.stringify(destination.mappings),
    JSON.stringify(destination.headers),
    destination.created,
  ] as const;
}
