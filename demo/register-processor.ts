import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Development only (`npm start` and the e2e setup run it after the service is
 * up): lets the development account forward card details to the demo's
 * processor stub, with the same `tokenframe forwarding add` an operator runs
 * for a real processor. `--allow-private-network` because the stub listens on
 * loopback; a production destination is an https URL on a public network.
 * Running it again leaves a registered destination as it is.
 *
 * `tsx demo/register-processor.ts --url http://127.0.0.1:4244/v1/payments [--data-dir DIR]`
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4244/v1/payments' },
    'data-dir': { type: 'string', default: process.env.TOKENFRAME_DATA_DIR ?? '.tokenframe' },
  },
});

/** Where the stub's JSON body takes each card value (demo/processor-stub.ts). */
const mappings = {
  card_number: '/paymentMethod/number',
  card_exp_month: '/paymentMethod/expiryMonth',
  card_exp_year: '/paymentMethod/expiryYear',
  card_cvc: '/paymentMethod/cvc',
  cardholder_name: '/paymentMethod/holderName',
};

const dataDir = resolve(values['data-dir']);
const { accountId } = JSON.parse(readFileSync(join(dataDir, 'dev-keys.json'), 'utf8')) as { accountId: string };
const url = new URL(values.url).href;
const tokenframe = (...args: string[]) =>
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../bin/tokenframe.js', import.meta.url)), 'forwarding', ...args, '--data-dir', dataDir],
    {
      encoding: 'utf8',
    },
  );

const registered = tokenframe('list')
  .split('\n')
  .some((line) => {
    const [, account, , destination] = line.split(/\s{2,}/);
    return account === accountId && destination === url;
  });
if (registered) {
  console.log(`${accountId} already forwards to ${url}`);
} else {
  const maps = Object.entries(mappings).flatMap(([field, target]) => ['--map', `${field}=${target}`]);
  process.stdout.write(tokenframe('add', '--account', accountId, '--url', url, ...maps, '--allow-private-network'));
}
