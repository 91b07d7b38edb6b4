import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formBody } from './helpers';
import { startServeProcess, type ServeProcess } from './operations-process';

const cardNumber = '378282246310005';
const cvc = '7319';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

/** The JSON lines of the log, without the banner printed before it. */
function logLines(stdout: string): LogLine[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('tokenframe serve: the log', () => {
  let serve: ServeProcess;
  let requestId: string;

  before(async () => {
    serve = await startServeProcess();
    const page = await fetch(`${serve.url}/frame/v1/card.html?key=${serve.publishableKey}&locale=en`);
    assert.equal(page.status, 200);
    const created = await fetch(`${serve.url}/v1/tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${serve.publishableKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: formBody({ card: { number: cardNumber, exp_month: 12, exp_year: 2034, cvc, name: 'Jenny Rosen' } }),
    });
    assert.equal(created.status, 200);
    requestId = created.headers.get('request-id')!;
    const { id } = (await created.json()) as { id: string };
    const read = await fetch(`${serve.url}/v1/tokens/${id}`, {
      headers: { authorization: `Bearer ${serve.secretKey}` },
    });
    assert.equal(read.status, 200);
    // A refused key: the log must not quote it either.
    const refused = await fetch(`${serve.url}/v1/tokens/${id}`, {
      headers: { authorization: `Bearer sk_test_${'x'.repeat(32)}` },
    });
    assert.equal(refused.status, 401);
    serve.signal('SIGTERM');
    assert.equal(await serve.exited, 0);
  });
  after(() => serve.cleanUp());

  it('is JSON, one line per event, each request with its request id', () => {
    const lines = logLines(serve.stdout());
    const tokenization = lines.filter((line) => line.reqId === requestId);
    assert.deepEqual(
      tokenization.map((line) => line.msg),
      ['incoming request', 'request completed'],
    );
    assert.equal(tokenization[0].req?.url, '/v1/tokens');
    assert.equal(tokenization[1].res?.statusCode, 200);
    for (const line of lines.filter((candidate) => candidate.req)) assert.match(line.reqId ?? '', /^req_/);
  });

  it('keeps query names and drops their values', () => {
    const urls = logLines(serve.stdout()).flatMap((line) => (line.req ? [line.req.url] : []));
    assert.ok(urls.includes('/frame/v1/card.html?key=[redacted]&locale=[redacted]'), urls.join('\n'));
  });

  it('holds no card number, CVC, name or key', () => {
    const log = logLines(serve.stdout())
      .map((line) => JSON.stringify(line))
      .join('\n');
    assert.ok(log.length > 0);
    for (const [label, value] of Object.entries({
      'card number': cardNumber,
      'cardholder name': 'Jenny Rosen',
      'publishable key': serve.publishableKey,
      'secret key': serve.secretKey,
      'refused key': 'x'.repeat(32),
    })) {
      assert.equal(log.includes(value), false, `the log holds the ${label}`);
    }
    assert.doesNotMatch(log, /(^|[^\w.])7319([^\w.]|$)/, 'the log holds the CVC');
    assert.doesNotMatch(log, /cvc|card\[|number=/i, 'the log holds request parameters');
  });
});
