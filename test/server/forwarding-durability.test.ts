// kill -9 of the service while forwards are in flight: every forward it answered 200 is still there after a restart.
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { formBody } from './helpers';
import {
  addLocalDestination,
  post,
  scratch,
  startForwardingService,
  type ForwardingService,
} from './forwarding-process';

const nextYear = String(new Date().getFullYear() + 1);
const forwards = 12;

describe('forwarding survives kill -9 of the service', () => {
  const held: ServerResponse[] = [];
  // Answers even references at once and holds odd ones, so some forwards are answered and others in flight.
  const stub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      const { reference } = JSON.parse(body) as { reference: number };
      if (reference % 2 === 1) {
        held.push(response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reference, ok: true }));
    });
  });
  const services: ForwardingService[] = [];
  let cleanUp = async () => {};
  after(async () => {
    for (const service of services) service.child.kill('SIGKILL');
    for (const response of held) response.destroy();
    await new Promise((resolve) => stub.close(resolve));
    await cleanUp();
  });

  it('keeps the record of every forward answered before the kill', async () => {
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/v1/payments`;
    const { dataDir, databaseUrl, cleanUp: remove } = await scratch('forwarding-kill');
    cleanUp = remove;

    const first = await startForwardingService(dataDir, databaseUrl);
    services.push(first);
    await addLocalDestination(dataDir, databaseUrl, first.accountId, stubUrl);
    const tokens: string[] = [];
    for (let index = 0; index < forwards; index++) {
      const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };
      const token = await post(first, '/v1/tokens', first.publishableKey, formBody({ card }));
      assert.equal(token.status, 200, token.text);
      tokens.push(String(token.body.id));
    }

    const answered: Record<string, unknown>[] = [];
    const inFlight = tokens.map((token, reference) =>
      post(
        first,
        '/v1/forwarding/requests',
        first.secretKey,
        formBody({
          payment_method: token,
          url: stubUrl,
          replacements: ['card_number'],
          request: { body: JSON.stringify({ reference }) },
        }),
      ).then(
        (answer) => {
          assert.equal(answer.status, 200, answer.text);
          answered.push(answer.body);
        },
        () => 'cut off by the kill',
      ),
    );
    // Every even forward answered, every odd one waiting at the processor: now the service dies.
    while (answered.length < forwards / 2 || held.length < forwards / 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(inFlight);
    assert.equal(answered.length, forwards / 2, 'a held forward was answered');

    const second = await startForwardingService(dataDir, databaseUrl);
    services.push(second);
    for (const forwarded of answered) {
      const response = await fetch(`${second.url}/v1/forwarding/requests/${String(forwarded.id)}`, {
        headers: { authorization: `Bearer ${second.secretKey}` },
      });
      assert.equal(response.status, 200, `answered forward ${String(forwarded.id)} lost by the kill`);
      assert.deepEqual(await response.json(), forwarded);
    }
  });
});
