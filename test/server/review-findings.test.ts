import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../src/server/clock';
import { keyIdFor, saveKeyPair } from '../../src/server/keys';
import { startServeProcess, type ServeProcess } from './operations-process';
import {
  assertNotInDatabaseFiles,
  callService,
  createTestDatabase,
  formBody,
  startTestService,
  type TestService,
} from './helpers';

/** Regression tests for the findings of review issue 14, each over real HTTP. */

const nextYear = String(new Date().getFullYear() + 1);
const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };

describe('finding 10: API responses are never cached or sniffed', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  it('sends Cache-Control: no-store and nosniff on every /v1 answer, errors included', async () => {
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: formBody({ card }) });
    const answers = {
      created,
      read: await callService(svc, 'GET', `/v1/tokens/${created.body.id}`, { key: svc.secretKey }),
      'bad request': await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: 'colour=red' }),
      unauthenticated: await callService(svc, 'GET', `/v1/tokens/${created.body.id}`),
      'unknown URL': await callService(svc, 'GET', '/v1/nothing-here', { key: svc.secretKey }),
      customer: await callService(svc, 'POST', '/v1/customers', { key: svc.secretKey, body: 'source=tok_visa' }),
    };
    assert.deepEqual(
      Object.values(answers).map((answer) => answer.status),
      [200, 200, 400, 401, 404, 200],
    );
    for (const [what, answer] of Object.entries(answers)) {
      assert.equal(answer.headers.get('cache-control'), 'no-store', what);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
    }
  });

  it('keeps the frames’ and the loader’s own caching, and adds nosniff to them', async () => {
    const frame = await callService(svc, 'GET', `/frame/v1/card.html?key=${svc.publishableKey}`);
    const loader = await callService(svc, 'GET', '/v1/tokenframe.js');
    for (const [what, answer] of Object.entries({ frame, loader })) {
      assert.equal(answer.status, 200, what);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
    }
    assert.equal(frame.headers.get('cache-control'), 'private, no-cache');
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
  });
});

describe('finding 7: a value that is not an id is never quoted back or stored', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  const cardNumber = '4000056655665556';
  const accountNumber = '000123456789';

  it('answers an unknown source, customer, token or forwarding request without quoting a raw value', async () => {
    // The vault must hold a token for the database check below.
    const token = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: formBody({ card }) });
    assert.equal(token.status, 200);
    const key = svc.secretKey;
    const idempotent = { 'idempotency-key': 'finding-7' };
    const answers = {
      'customer source': await callService(svc, 'POST', '/v1/customers', {
        key,
        body: `source=${cardNumber}`,
        headers: idempotent,
      }),
      'a customer’s new source': await callService(svc, 'POST', '/v1/customers/cus_missing/sources', {
        key,
        body: `source=${cardNumber}`,
      }),
      'id-shaped source': await callService(svc, 'POST', '/v1/customers', { key, body: `source=tok_${cardNumber}` }),
      token: await callService(svc, 'GET', `/v1/tokens/${cardNumber}`, { key }),
      customer: await callService(svc, 'GET', `/v1/customers/${cardNumber}`, { key }),
      'forwarding request': await callService(svc, 'GET', `/v1/forwarding/requests/${cardNumber}`, { key }),
      // A card number in a query is refused outright (finding 6); an account number is not an id either.
      'forwarding cursor': await callService(svc, 'GET', `/v1/forwarding/requests?starting_after=${accountNumber}`, {
        key,
      }),
    };
    for (const [what, answer] of Object.entries(answers)) {
      assert.ok(answer.status === 400 || answer.status === 404, `${what}: ${answer.status} ${answer.text}`);
      assert.equal(answer.body.error.code, 'resource_missing', what);
      for (const value of [cardNumber, accountNumber]) {
        assert.equal(answer.text.includes(value), false, `${what} quotes the value: ${answer.text}`);
      }
    }
    // An id is still quoted, as Stripe does.
    const unknownToken = await callService(svc, 'POST', '/v1/customers', { key, body: 'source=tok_1NoSuchToken' });
    assert.equal(unknownToken.body.error.message, "No such token: 'tok_1NoSuchToken'");
    // The idempotency record holds the answer, and so would hold the number had it been quoted.
    const replay = await callService(svc, 'POST', '/v1/customers', {
      key,
      body: `source=${cardNumber}`,
      headers: idempotent,
    });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    await assertNotInDatabaseFiles(svc, { 'card number': cardNumber });
  });
});

describe('finding 11: unknown nested parameters are refused, prototype names included', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  it('answers parameter_unknown naming the parameter, whatever its name', async () => {
    const cardParams = formBody({ card });
    const refused = {
      'card[hasOwnProperty]': ['/v1/tokens', svc.publishableKey, `${cardParams}&card[hasOwnProperty]=1`],
      'card[__proto__]': ['/v1/tokens', svc.publishableKey, `${cardParams}&card%5B__proto__%5D%5Bx%5D=1`],
      'card[colour]': ['/v1/tokens', svc.publishableKey, `${cardParams}&card[colour]=red`],
      'pii[constructor]': ['/v1/tokens', svc.publishableKey, 'pii[id_number]=000000000&pii[constructor]=1'],
      toString: ['/v1/customers', svc.secretKey, 'source=tok_visa&toString=1'],
      'account[individual][dob][valueOf]': [
        '/v1/tokens',
        svc.secretKey,
        'account[individual][first_name]=Jenny&account[individual][dob][day]=1&account[individual][dob][month]=1&account[individual][dob][year]=1990&account[individual][dob][valueOf]=1',
      ],
    };
    for (const [param, [path, key, body]] of Object.entries(refused)) {
      const answer = await callService(svc, 'POST', path, { key, body });
      assert.equal(answer.status, 400, `${param}: ${answer.text}`);
      assert.equal(answer.body.error.code, 'parameter_unknown', `${param}: ${answer.text}`);
      assert.equal(answer.body.error.param, param);
    }
  });
});

describe('finding 1: a revoked development key stays revoked across restarts', () => {
  it('refuses the revoked development keys after `serve --dev` starts again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-finding-1-'));
    const database = await createTestDatabase();
    // Both starts share the data directory (dev-keys.json) and the database.
    const start = () => startTestService({ dataDir, databaseUrl: database?.url });
    try {
      const first = await start();
      const keys = { publishable: first.publishableKey, secret: first.secretKey };
      for (const key of Object.values(keys)) {
        assert.ok(await first.service.stores.keys.revokeApiKey(keyIdFor(key), Math.floor(Date.now() / 1000)));
      }
      const created = () => callService(svc, 'POST', '/v1/tokens', { key: keys.publishable, body: formBody({ card }) });
      const read = () => callService(svc, 'GET', '/v1/tokens/tok_visa', { key: keys.secret });
      let svc = first;
      assert.deepEqual([(await created()).status, (await read()).status], [401, 401]);
      await first.service.close();

      svc = await start();
      try {
        assert.equal(svc.publishableKey, keys.publishable, 'the same development keys, from dev-keys.json');
        assert.deepEqual([(await created()).status, (await read()).status], [401, 401]);
        // Registering the pair again by hand neither brings it back nor moves it to another account.
        const pair = {
          accountId: svc.accountId,
          allowedOrigins: [],
          publishableKey: keys.publishable,
          secretKey: keys.secret,
        };
        await saveKeyPair(svc.service.stores.keys, pair, systemClock);
        await assert.rejects(
          saveKeyPair(svc.service.stores.keys, { ...pair, accountId: 'acct_other' }, systemClock),
          /already registered to another account/,
        );
        assert.deepEqual([(await created()).status, (await read()).status], [401, 401]);
      } finally {
        await svc.service.close();
      }
    } finally {
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('finding 6: query strings never reach the log', () => {
  const cardNumber = '4000056655665556';
  const spacedNumber = '4000 0566 5566 5556';
  let serve: ServeProcess;
  const answers: Record<string, number> = {};

  before(async () => {
    serve = await startServeProcess();
    const call = async (what: string, method: string, path: string, key: string | null, body?: string) => {
      const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
      if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
      answers[what] = (await fetch(serve.url + path, { method, headers, body })).status;
    };
    const pk = serve.publishableKey;
    const cardBody = formBody({ card });
    await call('card in the query', 'POST', `/v1/tokens?card%5Bnumber%5D=${cardNumber}`, pk, cardBody);
    await call(
      'card number in any query value',
      'POST',
      `/v1/tokens?n=${encodeURIComponent(spacedNumber)}`,
      pk,
      cardBody,
    );
    await call('card number as a query name', 'GET', `/v1/tokens/tok_visa?${cardNumber}`, serve.secretKey);
    await call('card number in the path', 'GET', `/v1/tokens/${cardNumber}`, serve.secretKey);
    await call('unknown URL', 'GET', `/no/such/${cardNumber}?${cardNumber}=${cardNumber}`, null);
    await call('frame', 'GET', `/frame/v1/card.html?key=${pk}&locale=en&${cardNumber}=1`, null);
    serve.signal('SIGTERM');
    assert.equal(await serve.exited, 0);
  });
  after(() => serve.cleanUp());

  it('refuses card data in a query string', () => {
    assert.equal(answers['card in the query'], 400);
    assert.equal(answers['card number in any query value'], 400);
    assert.equal(answers['card number as a query name'], 404);
    assert.equal(answers.frame, 200);
  });

  it('logs no query value, no query name it does not know, and no number in a path', () => {
    const log = serve
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .join('\n');
    const urls = log.split('\n').flatMap((line) => {
      const url = (JSON.parse(line) as { req?: { url: string } }).req?.url;
      return url ? [url] : [];
    });
    assert.equal(urls.length, 6, urls.join('\n'));
    assert.ok(urls.includes('/frame/v1/card.html?key=[redacted]&locale=[redacted]&[redacted]'), urls.join('\n'));
    for (const value of [cardNumber, '4000%200566', serve.publishableKey]) {
      assert.equal(log.includes(value), false, `the log holds ${value}:\n${urls.join('\n')}`);
    }
  });
});

/** A raw connection to the service, and whether (and how) the service ended it. */
function openSocket(svc: TestService): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const { hostname, port } = new URL(svc.url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, received: () => received, closed })));
}

/** Resolves true when `closed` settles first, false when `ms` pass: a hang must fail, not stall the suite. */
function closedWithin(closed: Promise<void>, ms: number): Promise<boolean> {
  return Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(resolve, ms, false).unref()),
  ]);
}

describe('finding 4: slow clients cannot hold sockets', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService({ requestTimeoutSeconds: 2, headersTimeoutSeconds: 1, maxConnections: 40 });
  });
  after(() => svc.close());

  it('closes connections that trickle a body or headers one byte at a time', async () => {
    const head = [
      'POST /v1/tokens HTTP/1.1',
      `Host: ${new URL(svc.url).host}`,
      `Authorization: Bearer ${svc.publishableKey}`,
      'Content-Type: application/x-www-form-urlencoded',
      'Content-Length: 200',
      '',
      '',
    ].join('\r\n');
    const bodies = await Promise.all(Array.from({ length: 10 }, () => openSocket(svc)));
    const headers = await Promise.all(Array.from({ length: 10 }, () => openSocket(svc)));
    for (const { socket } of bodies) socket.write(head);
    const trickle = setInterval(() => {
      for (const { socket } of [...bodies, ...headers]) if (!socket.destroyed) socket.write('x');
    }, 300);
    try {
      // Generous: the service's limits are 1 s for headers and 2 s for the request; this only turns a hang into a failure.
      const results = await Promise.all([...bodies, ...headers].map(({ closed }) => closedWithin(closed, 30_000)));
      assert.deepEqual(
        results.map(
          (closed, index) => `${index < 10 ? 'body' : 'headers'} ${index % 10}: ${closed ? 'closed' : 'open'}`,
        ),
        results.map((_, index) => `${index < 10 ? 'body' : 'headers'} ${index % 10}: closed`),
      );
      for (const { received } of bodies) assert.match(received(), /^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
      for (const { socket } of [...bodies, ...headers]) socket.destroy();
    }
    // Everyone else is still served.
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: formBody({ card }) });
    assert.equal(created.status, 200);
  });

  it('closes connections beyond --max-connections as they arrive', async () => {
    const held = await Promise.all(Array.from({ length: 40 }, () => openSocket(svc)));
    try {
      const extra = await openSocket(svc);
      assert.equal(await closedWithin(extra.closed, 30_000), true, 'a connection beyond the cap stays open');
    } finally {
      for (const { socket } of held) socket.destroy();
    }
    await Promise.all(held.map(({ closed }) => closed));
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: formBody({ card }) });
    assert.equal(created.status, 200);
  });
});

describe('finding 3: a flood from some clients cannot lock a shop’s other customers out', () => {
  let svc: TestService;
  before(async () => {
    // Behind a load balancer, so the client address is X-Forwarded-For's.
    svc = await startTestService({ trustProxy: true, rateLimits: { perKeyPerMinute: 8, perIpPerMinute: 3 } });
  });
  after(() => svc.close());

  const fromAddress = (address: string, body: string) =>
    callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body,
      headers: { 'x-forwarded-for': address },
    });
  const statuses = async (address: string, body: string, times: number) => {
    const answers: number[] = [];
    for (let i = 0; i < times; i += 1) answers.push((await fromAddress(address, body)).status);
    return answers;
  };

  it('limits each client address, and spends the key’s budget only on tokens created', async () => {
    // Junk with the shop's publishable key from a few addresses, far past the key's limit of 8.
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      assert.deepEqual(await statuses(address, 'card[number]=junk', 6), [400, 400, 400, 429, 429, 429], address);
    }
    // A flood of real tokens from one address stops at that address's limit.
    assert.deepEqual(await statuses('203.0.113.4', formBody({ card }), 5), [200, 200, 200, 429, 429]);
    // The next real customer is served.
    assert.deepEqual(await statuses('198.51.100.7', formBody({ card }), 1), [200]);
  });

  it('still has a ceiling per key: tokens created from every address together', async () => {
    // 4 tokens so far; the key's ceiling is 8.
    const answers = [];
    for (const address of ['198.51.100.20', '198.51.100.21', '198.51.100.22']) {
      answers.push(...(await statuses(address, formBody({ card }), 2)));
    }
    assert.deepEqual(answers, [200, 200, 200, 200, 429, 429]);
  });
});
