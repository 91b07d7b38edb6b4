import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { formBody } from './helpers';
import { startServeProcess, type ServeProcess } from './operations-process';

interface RawExchange {
  socket: Socket;
  /** The whole answer, once the server has closed the connection. */
  answer: Promise<{ status: number; headers: string; body: string }>;
}

/** A request written by hand, so that it can be left half sent: in flight, as a slow client's is. */
function openRequest(port: number, head: string): RawExchange {
  const socket = connect(port, '127.0.0.1');
  let data = '';
  socket.on('data', (chunk: Buffer) => (data += chunk));
  const answer = new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', () => {
      const [headers, body] = data.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(headers)?.[1]), headers, body });
    });
  });
  socket.write(head);
  return { socket, answer };
}

/** Whether a new connection to the port is refused. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('tokenframe serve: SIGTERM drains in-flight requests', () => {
  let serve: ServeProcess;

  before(async () => {
    serve = await startServeProcess();
  });
  after(() => serve.cleanUp());

  it('stops accepting, finishes a slow request with 200, says 503 on /readyz, closes every connection, exits 0 promptly', async () => {
    const body = formBody({ card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } });
    // A card tokenization whose body is half uploaded when SIGTERM arrives (kept alive, as HTTP/1.1 is by default).
    const slow = openRequest(
      serve.port,
      `POST /v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${serve.publishableKey}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 20),
    );
    // A load balancer's readiness check, under way on a connection of its own.
    const readiness = openRequest(serve.port, 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // A request refused before its body is in (no key: 401), whose client goes on sending the body.
    const refused = openRequest(
      serve.port,
      `POST /v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalled = Date.now();
    serve.signal('SIGTERM');
    await serve.waitForOutput(/SIGTERM received, finishing in-flight requests/);
    while (!(await refusesConnections(serve.port))) await new Promise((resolve) => setTimeout(resolve, 20));

    slow.socket.write(body.slice(20));
    readiness.socket.write('\r\n');
    refused.socket.write(body.slice(20));
    assert.equal((await refused.answer).status, 401);
    const token = await slow.answer;
    assert.equal(token.status, 200, token.body);
    assert.match(JSON.parse(token.body).id, /^tok_/);
    assert.match(token.headers, /^connection: close$/im);
    const ready = await readiness.answer;
    assert.equal(ready.status, 503);
    assert.deepEqual(JSON.parse(ready.body), { status: 'unavailable', reason: 'shutting down' });

    assert.equal(await serve.exited, 0);
    // Well within the drain deadline (10 s), far from Fastify's 72 s keep-alive timeout.
    assert.ok(Date.now() - signalled < 5_000, `exited ${Date.now() - signalled} ms after SIGTERM`);
  });
});
