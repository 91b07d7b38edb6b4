import assert from 'node:assert/strict';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  callService,
  createTestDatabase,
  formBody,
  startTestService,
  type TestDatabase,
  type TestService,
} from './helpers';
import { addLocalDestination } from './forwarding-process';

/**
 * A database that stops answering without refusing (a host gone from the
 * network, a hung server): the service reaches PostgreSQL through a relay
 * that, frozen, cuts the open connections and accepts new ones without ever
 * answering. Run in the server-pg stage, where PostgreSQL is at hand.
 */

const card = formBody({ card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } });
/** Words that would tell a caller about the database: driver errors, SQL, the host. */
const internals = /ECONNREFUSED|127\.0\.0\.1|postgres|SELECT|INSERT|terminat|connect|pool|sql|timeout/i;

/** A TCP relay to `target` that can be frozen and thawed. */
async function startRelay(target: URL) {
  let frozen = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    if (frozen) return; // accepted, never answered
    const upstream = connect(Number(target.port), target.hostname);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cutAll = () => sockets.forEach((socket) => socket.destroy());
  const url = new URL(target);
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.href,
    freeze() {
      frozen = true;
      cutAll();
    },
    thaw() {
      frozen = false;
      cutAll();
    },
    close() {
      cutAll();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a database that stops answering while the service runs', { skip: !process.env.DATABASE_URL }, () => {
  let database: TestDatabase;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let svc: TestService;
  let tokenBefore: string;

  before(async () => {
    database = (await createTestDatabase())!;
    relay = await startRelay(new URL(database.url));
    svc = await startTestService({ databaseUrl: relay.url });
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card });
    assert.equal(created.status, 200, created.text);
    tokenBefore = created.body.id;
    relay.freeze();
  });
  after(async () => {
    await svc?.close();
    await relay?.close();
    await database?.drop();
  });

  // The guard turns a request that hangs (no connection timeout) into a failure.
  it('/readyz says 503 "database unreachable", /healthz still 200', { timeout: 60_000 }, async () => {
    const ready = await fetch(`${svc.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'unavailable', reason: 'database unreachable' });
    assert.equal((await fetch(`${svc.url}/healthz`)).status, 200);
  });

  it('API requests, more at once than the pool has connections, get a 503 api_error', { timeout: 60_000 }, async () => {
    const requests = [
      ...Array.from({ length: 14 }, () =>
        callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card }),
      ),
      callService(svc, 'GET', `/v1/tokens/${tokenBefore}`, { key: svc.secretKey }),
      callService(svc, 'POST', '/v1/customers', { key: svc.secretKey, body: `source=${tokenBefore}` }),
      callService(svc, 'POST', '/v1/tokens', {
        key: svc.publishableKey,
        body: card,
        headers: { 'idempotency-key': 'frozen-1' },
      }),
    ];
    for (const answer of await Promise.all(requests)) {
      assert.equal(answer.status, 503, answer.text);
      assert.deepEqual(answer.body, {
        error: { type: 'api_error', message: 'The service is temporarily unavailable. Please try again shortly.' },
      });
      assert.doesNotMatch(answer.text, internals);
      assert.match(answer.headers.get('request-id') ?? '', /^req_/);
    }
  });

  it('recovers when the database answers again: ready, the old token unused, new ones made', async () => {
    relay.thaw();
    await waitUntil(async () => (await fetch(`${svc.url}/readyz`)).status === 200, 30_000);
    const read = await callService(svc, 'GET', `/v1/tokens/${tokenBefore}`, { key: svc.secretKey });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.used, false);
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card });
    assert.equal(created.status, 200, created.text);
  });
});

describe(
  'a database that stops answering while a forward is at the destination',
  { skip: !process.env.DATABASE_URL },
  () => {
    let database: TestDatabase;
    let relay: Awaited<ReturnType<typeof startRelay>>;
    let svc: TestService;
    let received = 0;
    // The processor answers, but the database went away while it worked on the request.
    const stub = createHttpServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received++;
        relay.freeze();
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"authorized":true}');
      });
    });

    before(async () => {
      database = (await createTestDatabase())!;
      relay = await startRelay(new URL(database.url));
      svc = await startTestService({ databaseUrl: relay.url });
      await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    });
    after(async () => {
      await svc?.close();
      await relay?.close();
      await database?.drop();
      await new Promise((resolve) => stub.close(resolve));
    });

    it('is a 503 that stripe-node does not retry, since the card was sent', { timeout: 60_000 }, async () => {
      const url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/pay`;
      await addLocalDestination(svc.dataDir, database.url, svc.accountId, url);
      const token = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card });
      const saved = await callService(svc, 'POST', '/v1/customers', {
        key: svc.secretKey,
        body: `source=${token.body.id}`,
      });
      assert.equal(saved.status, 200, saved.text);
      const answer = await callService(svc, 'POST', '/v1/forwarding/requests', {
        key: svc.secretKey,
        body: formBody({
          payment_method: saved.body.default_source,
          url,
          replacements: ['card_number'],
          request: { body: '{}' },
        }),
      });
      assert.equal(received, 1);
      assert.equal(answer.status, 503, answer.text);
      // A saved card can be forwarded again: an automatic retry would charge it twice.
      assert.equal(answer.headers.get('stripe-should-retry'), 'false');
    });
  },
);
