// After forwards of every kind (token, saved card, replay, refusals), no raw card value is anywhere the service writes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { formBody } from './helpers';
import {
  addLocalDestination,
  post,
  scratch,
  startForwardingService,
  type ForwardingService,
} from './forwarding-process';

const run = promisify(execFile);
const number = '378282246310005';
const cvc = '7319';
/** The CVC's digits standing alone: inside a longer number (a byte count in /metrics) they are something else. */
const cvcAlone = new RegExp(`(?<!\\d)${cvc}(?!\\d)`);
const nextYear = String(new Date().getFullYear() + 1);

/** The files under `dir` holding any of `texts`, searched by another process (see forwarding.test.ts). */
async function filesHolding(dir: string, texts: string[]): Promise<string> {
  try {
    return (await run('grep', ['-r', '-l', '-a', '-F', ...texts.flatMap((text) => ['-e', text]), dir])).stdout;
  } catch (error) {
    if ((error as { code?: unknown }).code === 1) return '';
    throw error;
  }
}

describe('forwarding leaves no raw card value behind', () => {
  // A processor that echoes the card everywhere it can: body, a header, and a redirect's Location.
  const stub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      const card = (JSON.parse(body) as { card: { number: string; cvc?: string } }).card;
      if (request.url === '/redirect') {
        response.writeHead(302, { location: `/next?number=${card.number}&cvc=${card.cvc}` }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'x-echo': `${card.number} ${card.cvc}` });
      response.end(JSON.stringify({ echoed: card }));
    });
  });
  let service: ForwardingService | undefined;
  let cleanUp = async () => {};
  after(async () => {
    service?.child.kill('SIGKILL');
    await new Promise((resolve) => stub.close(resolve));
    await cleanUp();
  });

  it('not in the log, /metrics, stored forwarding requests, error messages or the database files', async () => {
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const { dataDir, databaseUrl, cleanUp: remove } = await scratch('forwarding-leaks');
    cleanUp = remove;
    service = await startForwardingService(dataDir, databaseUrl);
    const svc = service;
    for (const path of ['/pay', '/redirect'])
      await addLocalDestination(dataDir, databaseUrl, svc.accountId, base + path);

    const newToken = async () => {
      const card = { number, exp_month: '12', exp_year: nextYear, cvc, name: 'Ada Lovelace' };
      return String((await post(svc, '/v1/tokens', svc.publishableKey, formBody({ card }))).body.id);
    };
    const forward = (paymentMethod: string, replacements: string[], path = '/pay', headers = {}) =>
      fetch(`${svc.url}/v1/forwarding/requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${svc.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: formBody({ payment_method: paymentMethod, url: base + path, replacements, request: { body: '{}' } }),
      }).then(async (response) => ({ status: response.status, text: await response.text() }));

    const answers: { status: number; text: string }[] = [];
    const token = await newToken();
    answers.push(await forward(token, ['card_number', 'card_cvc']));
    answers.push(await forward(token, ['card_number', 'card_cvc']));
    const saved = await post(svc, '/v1/customers', svc.secretKey, formBody({ source: await newToken() }));
    const cardId = String(saved.body.default_source);
    answers.push(await forward(cardId, ['card_number']));
    // The saved card's CVC goes out on its first card_cvc forward, and never again.
    answers.push(await forward(cardId, ['card_number', 'card_cvc']));
    answers.push(await forward(cardId, ['card_number', 'card_cvc']));
    const idempotent = { 'Idempotency-Key': 'leak-replay' };
    const replayed = await newToken();
    answers.push(await forward(replayed, ['card_number', 'card_cvc'], '/pay', idempotent));
    answers.push(await forward(replayed, ['card_number', 'card_cvc'], '/pay', idempotent));
    answers.push(await forward(await newToken(), ['card_number', 'card_cvc'], '/redirect'));
    assert.deepEqual(
      answers.map(({ status }) => status),
      [200, 400, 200, 200, 400, 200, 200, 400],
      answers.map(({ text }) => text).join('\n'),
    );

    const get = (path: string) =>
      fetch(svc.url + path, { headers: { authorization: `Bearer ${svc.secretKey}` } }).then((answer) => answer.text());
    const forwarded = answers
      .filter(({ status }) => status === 200)
      .map(({ text }) => JSON.parse(text) as { id: string });
    const stored = [
      ...(await Promise.all(forwarded.map(({ id }) => get(`/v1/forwarding/requests/${id}`)))),
      await get('/v1/forwarding/requests?limit=100'),
    ];
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    assert.match(metrics, /tokenframe_forwarded_requests_total\{status="200"\} 4/);
    const places = {
      log: svc.stdout(),
      metrics,
      stored: stored.join('\n'),
      answers: answers.map(({ text }) => text).join('\n'),
    };
    // The processor's echo is stored masked (the body is a JSON string inside the JSON object).
    assert.match(places.stored, /echoed\\":\{\\"number\\":\\"378282\*+0005\\",\\"cvc\\":\\"\*+\\"/);
    for (const [place, text] of Object.entries(places)) {
      assert.ok(!text.includes(number), `the card number is in the ${place}`);
      assert.doesNotMatch(text, cvcAlone, `the CVC is in the ${place}`);
    }
    svc.child.kill('SIGTERM');
    await svc.exited;
    assert.ok(!svc.stdout().includes(number) && !cvcAlone.test(svc.stdout()), 'the log written while stopping');
    // Ciphertext is not searchable, but a value stored in the clear would be: the number, or the CVC as JSON.
    assert.equal(await filesHolding(dataDir, [number, `"cvc":"${cvc}"`, `cvc=${cvc}`]), '');
  });
});
