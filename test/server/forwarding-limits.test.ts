// What a merchant gets when the destination answers too much, never answers, or answers too slowly.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultForwardingLimits } from '../../src/server/forwarding/outbound';
import { callService, createTestDatabase, formBody, startTestService, type TestService } from './helpers';
import {
  addLocalDestination,
  post,
  scratch,
  startForwardingService,
  type ForwardingService,
} from './forwarding-process';

const number = '5555555555554444';
const cvc = '829';
const cvcAlone = new RegExp(`(?<!\\d)${cvc}(?!\\d)`);
const nextYear = String(new Date().getFullYear() + 1);
const limit = defaultForwardingLimits.responseLimitBytes;

/** A JSON answer of exactly `size` bytes that echoes the card number, as a careless processor might. */
function answerOf(size: number, card: string): string {
  const head = JSON.stringify({ echoed: card, padding: '' });
  return head.replace('"padding":""', `"padding":"${'x'.repeat(size - head.length)}"`);
}

/** Sends `text` in 16 KiB writes, so the service sees the answer arrive over many chunks. */
function writeInChunks(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  for (let index = 0; index < text.length; index += 16 * 1024) response.write(text.slice(index, index + 16 * 1024));
  response.end();
}

type Service = Pick<ForwardingService, 'url' | 'publishableKey' | 'secretKey'>;

async function cardToken(svc: Service): Promise<string> {
  const card = { number, exp_month: '12', exp_year: nextYear, cvc };
  const answer = await post(svc as ForwardingService, '/v1/tokens', svc.publishableKey, formBody({ card }));
  assert.equal(answer.status, 200, answer.text);
  return String(answer.body.id);
}

function forward(svc: Service, paymentMethod: string, url: string) {
  return callService(svc, 'POST', '/v1/forwarding/requests', {
    key: svc.secretKey,
    body: formBody({
      payment_method: paymentMethod,
      url,
      replacements: ['card_number', 'card_cvc'],
      request: { body: '{}' },
    }),
  });
}

describe('a destination that answers more than 256 KiB (the production limit, in a service process)', () => {
  const stub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      const card = (JSON.parse(body) as { card: { number: string } }).card.number;
      if (request.url === '/huge') writeInChunks(response, answerOf(limit + 1, card));
      else if (request.url === '/exact') writeInChunks(response, answerOf(limit, card));
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  let service: ForwardingService | undefined;
  let base = '';
  let cleanUp = async () => {};

  before(async () => {
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const { dataDir, databaseUrl, cleanUp: remove } = await scratch('forwarding-limits');
    cleanUp = remove;
    service = await startForwardingService(dataDir, databaseUrl);
    for (const path of ['/huge', '/exact', '/pay'])
      await addLocalDestination(dataDir, databaseUrl, service.accountId, base + path);
  });
  after(async () => {
    service?.child.kill('SIGKILL');
    await new Promise((resolve) => stub.close(resolve));
    await cleanUp();
  });

  it('is a 502 api_error that is not retried, holds no card data, stores nothing, and uses the token', async () => {
    const svc = service!;
    const token = await cardToken(svc);
    const answer = await forward(svc, token, `${base}/huge`);
    assert.equal(answer.status, 502, answer.text);
    assert.equal(answer.headers.get('stripe-should-retry'), 'false');
    assert.equal(answer.body.error.type, 'api_error');
    assert.equal(answer.body.error.code, 'forwarding_destination_unreachable');
    assert.match(answer.body.error.message, /^The destination answered with too much data\. It is not retried/);
    assert.ok(!answer.text.includes(number) && !cvcAlone.test(answer.text), answer.text);

    const stored = await callService(svc, 'GET', '/v1/forwarding/requests?limit=100', { key: svc.secretKey });
    assert.deepEqual(stored.body.data, []);
    // The card may have reached the destination: the token is not sent a second time.
    const again = await forward(svc, token, `${base}/pay`);
    assert.equal(again.status, 400, again.text);
    assert.equal(again.body.error.code, 'token_already_used');
  });

  it('an answer of exactly 256 KiB is returned and stored, with the echoed number masked', async () => {
    const svc = service!;
    const answer = await forward(svc, await cardToken(svc), `${base}/exact`);
    assert.equal(answer.status, 200, answer.text.slice(0, 500));
    assert.equal(answer.body.response_details.status, 200);
    assert.equal(answer.body.response_details.body.length, limit);
    assert.ok(!answer.text.includes(number));
  });

  it('leaves the service up and the card data out of its log', async () => {
    const svc = service!;
    assert.equal((await fetch(`${svc.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${svc.url}/readyz`)).status, 200);
    const answer = await forward(svc, await cardToken(svc), `${base}/pay`);
    assert.equal(answer.status, 200, answer.text);
    svc.child.kill('SIGTERM');
    await svc.exited;
    assert.ok(!svc.stdout().includes(number), 'the card number is in the log');
    assert.doesNotMatch(svc.stdout(), cvcAlone, 'the CVC is in the log');
  });
});

describe('a destination that does not answer in time (limits shortened for the test)', () => {
  const held: ServerResponse[] = [];
  const dripping = new Set<NodeJS.Timeout>();
  const received: string[] = [];
  const stub = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(request.url ?? '');
      if (request.url === '/silent') {
        held.push(response);
        return;
      }
      // Headers at once, then a byte every 100 ms, for ever: each byte comes in time, the whole never does.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"padding":"');
      const timer = setInterval(() => response.write('x'), 100);
      dripping.add(timer);
      response.once('close', () => {
        clearInterval(timer);
        dripping.delete(timer);
      });
    });
  });
  let svc: TestService;
  let base = '';
  let cleanUp = async () => {};

  before(async () => {
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const database = await createTestDatabase();
    svc = await startTestService({
      databaseUrl: database?.url ?? undefined,
      forwardingLimits: { ...defaultForwardingLimits, totalTimeoutMs: 1_500 },
    });
    cleanUp = async () => {
      await svc.close();
      await database?.drop();
    };
    for (const path of ['/silent', '/drip'])
      await addLocalDestination(svc.dataDir, database?.url ?? '', svc.accountId, base + path);
  });
  after(async () => {
    for (const response of held) response.destroy();
    for (const timer of dripping) clearInterval(timer);
    await cleanUp();
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
  });

  for (const path of ['/silent', '/drip']) {
    // The guard turns a forward that hangs (a deadline that no longer holds) into a failure.
    it(
      `${path}: a 502 "did not answer in time", not retried, the token used, nothing stored`,
      { timeout: 60_000 },
      async () => {
        const token = await cardToken(svc);
        const answer = await forward(svc, token, base + path);
        assert.equal(answer.status, 502, answer.text);
        assert.equal(answer.headers.get('stripe-should-retry'), 'false');
        assert.equal(answer.body.error.type, 'api_error');
        assert.equal(answer.body.error.code, 'forwarding_destination_unreachable');
        assert.match(answer.body.error.message, /^The destination did not answer in time\. It is not retried/);
        assert.ok(!answer.text.includes(number) && !cvcAlone.test(answer.text), answer.text);
        assert.ok(received.includes(path), 'the destination got the request');
        const again = await forward(svc, token, base + path);
        assert.equal(again.body.error?.code, 'token_already_used', again.text);
        const stored = await callService(svc, 'GET', '/v1/forwarding/requests', { key: svc.secretKey });
        assert.deepEqual(stored.body.data, []);
      },
    );
  }
});

describe('an https destination whose certificate the service does not trust', () => {
  let received = 0;
  let svc: TestService;
  let stub: ReturnType<typeof createHttpsServer>;
  let cleanUp = async () => {};

  before(async () => {
    // A certificate valid for 127.0.0.1 but signed by nobody the service trusts.
    const dir = await mkdtemp(join(tmpdir(), 'tokenframe-forwarding-tls-'));
    await promisify(execFile)('openssl', [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
      ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    ]);
    const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
    stub = createHttpsServer({ key, cert }, (request, response) => {
      received++;
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const database = await createTestDatabase();
    svc = await startTestService({ databaseUrl: database?.url ?? undefined });
    cleanUp = async () => {
      await svc.close();
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    };
    const url = `https://127.0.0.1:${(stub.address() as AddressInfo).port}/pay`;
    await addLocalDestination(svc.dataDir, database?.url ?? '', svc.accountId, url);
  });
  after(async () => {
    await cleanUp();
    await new Promise((resolve) => stub.close(resolve));
  });

  it('gets no request: the forward is a 502, not retried, and the token stays used', async () => {
    const url = `https://127.0.0.1:${(stub.address() as AddressInfo).port}/pay`;
    const token = await cardToken(svc);
    const answer = await forward(svc, token, url);
    assert.equal(answer.status, 502, answer.text);
    assert.equal(answer.headers.get('stripe-should-retry'), 'false');
    assert.equal(answer.body.error.code, 'forwarding_destination_unreachable');
    assert.match(answer.body.error.message, /^The destination could not be reached\./);
    assert.equal(received, 0, 'the card went to a server whose certificate was not checked');
    assert.equal((await forward(svc, token, url)).body.error?.code, 'token_already_used');
  });
});
