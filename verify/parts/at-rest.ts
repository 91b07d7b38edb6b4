/**
 * At rest: every kind of token is made — unused, used by a new customer,
 * saved as a customer's source, expired and wiped, forwarded to a processor,
 * replayed from a stored Idempotency-Key response — plus bank account, CVC
 * update and ID number tokens; then the data directory (database, WAL) and
 * the service's log are scanned for the raw values and CVCs. The scan is a
 * child `grep`, so this process never opens the running service's database.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/server/config';
import { systemClock } from '../../src/server/clock';
import { sweep } from '../../src/server/service';
import { openStores } from '../../src/server/storage';
import { formBody } from '../../test/server/helpers';
import { expectEqual, report, sleep, type PartOptions, type PartResult, type Row } from '../part';
import { cardBody, post, startServiceProcess } from '../service-process';

const execFileAsync = promisify(execFile);
const cli = fileURLToPath(new URL('../../bin/tokenframe.js', import.meta.url));

/** One card per kind of token, so a hit would say which path leaked. */
const cards = {
  unused: { number: '4000056655665556', cvc: '731' },
  customer: { number: '5555555555554444', cvc: '862' },
  source: { number: '2223003122003222', cvc: '947' },
  expired: { number: '5200828282828210', cvc: '358' },
  forwarded: { number: '378282246310005', cvc: '6193' },
  idempotent: { number: '6011111111111117', cvc: '529' },
};
const otherRaw = { bankAccount: '000123456789', idNumber: '222334444' };
const cvcUpdate = '4716';

/** How a CVC would look if it were written anywhere in plain text: as a form field, in JSON, or alone in quotes. */
function cvcPatterns(cvc: string): string[] {
  return [`cvc]=${cvc}`, `cvc%5D=${cvc}`, `cvc=${cvc}`, `"cvc":"${cvc}"`, `"${cvc}"`];
}

/** Hits of any line of `patternFile` in `paths`, counted by a child grep (exit 1 means none). */
async function grepCount(patternFile: string, paths: string[]): Promise<number> {
  try {
    const { stdout } = await execFileAsync('grep', ['-r', '-a', '-o', '-F', '-f', patternFile, ...paths], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split('\n').filter(Boolean).length;
  } catch (error) {
    if ((error as { code?: number }).code === 1) return 0;
    throw error;
  }
}

/** A processor stub: answers 200 and keeps nothing. */
async function startDestination(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{"authorization":"auth_1"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/payments`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function run({ workDir }: PartOptions): Promise<PartResult> {
  const dataDir = join(workDir, 'data');
  const logFile = join(workDir, 'service.log');
  const rows: Row[] = [];
  const tokenUrl = (url: string) => `${url}/v1/tokens`;
  const ok: boolean[] = [];

  // Expired: made with a one-second lifetime, then swept as the running service sweeps every minute.
  const shortLived = await startServiceProcess({ dataDir, logFile, args: ['--token-ttl', '1'] });
  ok.push(
    (await post(tokenUrl(shortLived.url), shortLived.publishableKey, cardBody(cards.expired.number, cards.expired.cvc)))
      .status === 200,
  );
  await shortLived.stop();
  await sleep(2000);
  const config = loadConfig({ dataDir });
  const stores = await openStores(config);
  await sweep(stores, systemClock, config);
  await stores.close();

  const service = await startServiceProcess({ dataDir, logFile, args: ['--log-level', 'info'] });
  const destination = await startDestination();
  try {
    const { publishableKey: pk, secretKey: sk, url } = service;
    const make = async (card: { number: string; cvc: string }, headers = {}) =>
      (await post(tokenUrl(url), pk, cardBody(card.number, card.cvc), headers)).body.id ?? '';
    ok.push((await make(cards.unused)) !== '');
    ok.push((await post(`${url}/v1/customers`, sk, `source=${await make(cards.customer)}`)).status === 200);
    const customer = await post(`${url}/v1/customers`, sk, '');
    ok.push(
      (await post(`${url}/v1/customers/${customer.body.id}/sources`, sk, `source=${await make(cards.source)}`))
        .status === 200,
    );
    const replay = { 'idempotency-key': 'at-rest-replay' };
    ok.push((await make(cards.idempotent, replay)) === (await make(cards.idempotent, replay)));
    ok.push((await post(tokenUrl(url), pk, formBody({ cvc_update: { cvc: cvcUpdate } }))).status === 200);
    ok.push((await post(tokenUrl(url), pk, formBody({ pii: { id_number: otherRaw.idNumber } }))).status === 200);
    const bank = { country: 'US', currency: 'usd', routing_number: '110000000', account_number: otherRaw.bankAccount };
    ok.push((await post(tokenUrl(url), pk, formBody({ bank_account: bank }))).status === 200);

    const { accountId } = JSON.parse(await readFile(join(dataDir, 'dev-keys.json'), 'utf8')) as { accountId: string };
    await execFileAsync(process.execPath, [
      cli,
      'forwarding',
      'add',
      '--data-dir',
      dataDir,
      '--account',
      accountId,
      '--url',
      destination.url,
      '--map',
      'card_number=/number',
      '--map',
      'card_cvc=/cvc',
      '--allow-private-network',
    ]);
    const forward = formBody({
      payment_method: await make(cards.forwarded),
      url: destination.url,
      replacements: ['card_number', 'card_cvc'],
      request: { body: '{"amount":1000}' },
    });
    ok.push((await post(`${url}/v1/forwarding/requests`, sk, forward)).status === 200);
    rows.push(expectEqual('tokens of every kind made and used', ok.filter(Boolean).length, ok.length));

    const rawFile = join(workDir, 'raw.txt');
    const cvcFile = join(workDir, 'cvc.txt');
    await writeFile(
      rawFile,
      [...Object.values(cards).map((card) => card.number), ...Object.values(otherRaw)].join('\n'),
    );
    await writeFile(
      cvcFile,
      [...Object.values(cards).map((card) => card.cvc), cvcUpdate].flatMap(cvcPatterns).join('\n'),
    );
    const scanned = [dataDir, logFile];
    const files = await readdir(dataDir);
    rows.push(report('files scanned (data directory and log)', files.length + 1));
    rows.push(expectEqual('the WAL is among them', files.includes('tokenframe.db-wal') ? 'yes' : 'no', 'yes'));
    rows.push(expectEqual('raw values found (running)', await grepCount(rawFile, scanned), 0));
    rows.push(expectEqual('CVCs found (running)', await grepCount(cvcFile, scanned), 0));
    await service.stop();
    rows.push(expectEqual('raw values found (stopped)', await grepCount(rawFile, scanned), 0));
    rows.push(expectEqual('CVCs found (stopped)', await grepCount(cvcFile, scanned), 0));
    // A control: the same scan does find the values in a file that holds them.
    await writeFile(join(workDir, 'control.txt'), `card[number]=${cards.unused.number}&card[cvc]=${cards.unused.cvc}`);
    rows.push(
      expectEqual(
        'control: a file that does hold them is found',
        (await grepCount(rawFile, [join(workDir, 'control.txt')])) > 0 &&
          (await grepCount(cvcFile, [join(workDir, 'control.txt')])) > 0
          ? 'yes'
          : 'no',
        'yes',
      ),
    );
  } finally {
    await service.stop();
    await destination.close();
  }
  return { part: 'at-rest', rows };
}
