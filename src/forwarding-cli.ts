import { parseArgs } from 'node:util';
import { systemClock } from './server/clock';
import { loadStorageConfig } from './server/config';
import {
  normalizeDestinationUrl,
  parseHeaders,
  parseMappings,
  parseMethod,
} from './server/forwarding/destination-input';
import { openDestinationStore, type DestinationStore } from './server/forwarding/destinations-store';
import { newId } from './server/ids';
import { openStores } from './server/storage';
import type { KeyStore } from './server/storage/types';

export const forwardingUsage = `Usage:
  tokenframe forwarding add --account ACCOUNT --url URL --map FIELD=TARGET [--map …]
                            [--method POST] [--header Name=value|Name=$VARIABLE …] [--allow-private-network]
                                                              lets the account forward card details to exactly URL;
                                                              FIELD: card_number, card_exp_month, card_exp_year,
                                                              card_cvc, cardholder_name; TARGET: a JSON pointer
                                                              (/paymentMethod/number) or a form field name;
                                                              Name=$VARIABLE reads the value from the service's
                                                              environment when sending, so it is not stored
                                                              (--allow-private-network: test-mode stubs on
                                                              loopback or private addresses only)
  tokenframe forwarding list                                  every destination: id, account, method, URL, mappings
  tokenframe forwarding remove DESTINATION_ID                 forwards to it are refused at once

  Options for all: --data-dir DIR (default $TOKENFRAME_DATA_DIR or ./.tokenframe); $DATABASE_URL selects PostgreSQL.
`;

async function withDestinations<T>(
  dataDir: string | undefined,
  use: (destinations: DestinationStore, keys: KeyStore) => Promise<T>,
): Promise<T> {
  // Destinations hold no encrypted values: these commands need the database, not the encryption keys.
  const stores = await openStores(loadStorageConfig({ dataDir }));
  try {
    return await use(await openDestinationStore(stores.database), stores.keys);
  } finally {
    await stores.close();
  }
}

interface AddOptions {
  account?: string;
  url?: string;
  method: string;
  maps: string[];
  headers: string[];
  allowPrivateNetwork: boolean;
}

async function add(options: AddOptions, dataDir?: string): Promise<void> {
  if (!options.account) throw new Error('forwarding add needs --account acct_… (see `tokenframe keys list`).');
  if (!options.url) throw new Error('forwarding add needs --url, e.g. --url https://api.processor.example/v1/payments');
  const destination = {
    id: newId('fwddest'),
    accountId: options.account,
    url: normalizeDestinationUrl(options.url),
    method: parseMethod(options.method),
    mappings: parseMappings(options.maps),
    headers: parseHeaders(options.headers),
    allowPrivateNetwork: options.allowPrivateNetwork,
    created: systemClock.now(),
  };
  await withDestinations(dataDir, async (destinations, keys) => {
    if (!(await keys.getAccount(destination.accountId))) {
      throw new Error(`No account ${destination.accountId} (see \`tokenframe keys list\`).`);
    }
    if (!(await destinations.addDestination(destination))) {
      throw new Error(`${destination.accountId} already has a destination ${destination.url}; remove it first.`);
    }
  });
  process.stdout.write(`${destination.id} added: ${destination.accountId} may forward to ${destination.url}\n`);
}

async function list(dataDir?: string): Promise<void> {
  const all = await withDestinations(dataDir, (destinations) => destinations.listDestinations());
  for (const destination of all) {
    const headers = destination.headers.map((header) =>
      // Literal values may be credentials: only the names of their headers are shown.
      'env' in header ? `${header.name}=$${header.env}` : `${header.name}=…`,
    );
    process.stdout.write(
      [
        destination.id,
        destination.accountId,
        destination.method,
        destination.url,
        destination.mappings.map(({ field, target }) => `${field}=${target}`).join(' '),
        ...headers,
        ...(destination.allowPrivateNetwork ? ['private-network-allowed'] : []),
      ].join('  ') + '\n',
    );
  }
}

async function remove(id: string | undefined, dataDir?: string): Promise<void> {
  if (!id) throw new Error('forwarding remove needs a destination id (see `tokenframe forwarding list`).');
  const found = await withDestinations(dataDir, (destinations) => destinations.removeDestination(id));
  if (!found) throw new Error(`No destination with id ${id}.`);
  process.stdout.write(`${id} removed.\n`);
}

export async function forwardingCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      account: { type: 'string' },
      url: { type: 'string' },
      method: { type: 'string', default: 'POST' },
      map: { type: 'string', multiple: true },
      header: { type: 'string', multiple: true },
      'allow-private-network': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [action, target] = positionals;
  const dataDir = values['data-dir'];
  if (values.help) {
    process.stdout.write(forwardingUsage);
    return;
  }
  switch (action) {
    case 'add':
      return add(
        {
          account: values.account,
          url: values.url,
          method: values.method,
          maps: values.map ?? [],
          headers: values.header ?? [],
          allowPrivateNetwork: values['allow-private-network'],
        },
        dataDir,
      );
    case 'list':
      return list(dataDir);
    case 'remove':
      return remove(target, dataDir);
    default:
      process.stderr.write(forwardingUsage);
      process.exitCode = 2;
  }
}
