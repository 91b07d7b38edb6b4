import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callService, formBody, startTestService, type TestService } from './helpers';

const cardNumber = '378282246310005';
const cvc = '7319';

/** Prometheus's text format, as a scraper reads `/metrics`. */
async function scrape(svc: TestService): Promise<string> {
  const response = await fetch(`${svc.url}/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series, e.g. `tokenframe_tokens_created_total{type="card"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let svc: TestService;
  const ids: Record<string, string> = {};

  before(async () => {
    svc = await startTestService({ rateLimits: { perKeyPerMinute: 3, perIpPerMinute: 1000 } });
    const card = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: formBody({ card: { number: cardNumber, exp_month: 12, exp_year: 2034, cvc } }),
    });
    assert.equal(card.status, 200);
    ids.token = card.body.id;
    assert.equal((await callService(svc, 'GET', `/v1/tokens/${ids.token}`, { key: svc.secretKey })).status, 200);
    const bank = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: formBody({
        bank_account: { country: 'US', currency: 'usd', routing_number: '110000000', account_number: '000123456789' },
      }),
    });
    assert.equal(bank.status, 200);
    const customer = await callService(svc, 'POST', '/v1/customers', {
      key: svc.secretKey,
      body: formBody({ source: ids.token }),
    });
    assert.equal(customer.status, 200);
    ids.customer = customer.body.id;
    ids.source = customer.body.default_source;
    // The third token creation this minute is the key's last; the fourth is refused.
    const third = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: 'pii[id_number]=000000000',
    });
    assert.equal(third.status, 200);
    const refused = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: 'pii[id_number]=000000000',
    });
    assert.equal(refused.status, 429);
    assert.equal((await callService(svc, 'GET', `/v1/customers/${ids.customer}/nothing-here`)).status, 404);
  });
  after(() => svc.close());

  it('counts requests by method, route pattern and status', async () => {
    const text = await scrape(svc);
    assert.equal(sample(text, 'tokenframe_http_requests_total{method="POST",route="/v1/tokens",status="200"}'), 3);
    assert.equal(sample(text, 'tokenframe_http_requests_total{method="GET",route="/v1/tokens/:id",status="200"}'), 1);
    assert.equal(sample(text, 'tokenframe_http_requests_total{method="POST",route="/v1/customers",status="200"}'), 1);
    // A URL no route knows is one series, whatever was asked.
    assert.equal(sample(text, 'tokenframe_http_requests_total{method="GET",route="unmatched",status="404"}'), 1);
  });

  it('has latency histograms by route', async () => {
    const text = await scrape(svc);
    assert.match(text, /^# TYPE tokenframe_http_request_duration_seconds histogram$/m);
    const series = 'tokenframe_http_request_duration_seconds_count{method="POST",route="/v1/tokens",status="200"}';
    assert.equal(sample(text, series), 3);
    assert.equal(
      sample(
        text,
        'tokenframe_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/v1/tokens",status="200"}',
      ),
      3,
    );
  });

  it('counts tokens created by type, and rate-limit refusals', async () => {
    const text = await scrape(svc);
    assert.equal(sample(text, 'tokenframe_tokens_created_total{type="card"}'), 1);
    assert.equal(sample(text, 'tokenframe_tokens_created_total{type="bank_account"}'), 1);
    assert.equal(sample(text, 'tokenframe_tokens_created_total{type="pii"}'), 1);
    assert.equal(sample(text, 'tokenframe_rate_limited_total{route="/v1/tokens"}'), 1);
  });

  it('declares forwarded requests, and carries the process metrics', async () => {
    const text = await scrape(svc);
    assert.match(text, /^# TYPE tokenframe_forwarded_requests_total counter$/m);
    assert.ok(sample(text, 'process_cpu_seconds_total') !== undefined);
    assert.ok(sample(text, 'process_resident_memory_bytes')! > 0);
    assert.match(text, /^nodejs_eventloop_lag_seconds /m);
  });

  it('holds no key, token id, customer id or card digits', async () => {
    const text = await scrape(svc);
    const secrets = {
      'publishable key': svc.publishableKey,
      'secret key': svc.secretKey,
      'token id': ids.token,
      'customer id': ids.customer,
      'source id': ids.source,
      'card number': cardNumber,
      'account id': svc.accountId,
    };
    for (const [label, value] of Object.entries(secrets)) {
      assert.ok(value, `${label} was not captured`);
      assert.equal(text.includes(value), false, `/metrics holds the ${label}`);
    }
    assert.doesNotMatch(text, /(^|[^\w.])7319([^\w.]|$)/, '/metrics holds the CVC');
    assert.doesNotMatch(text, /(tok|cus|card|pk|sk)_(test|live)?[A-Za-z0-9]{8,}/, '/metrics holds an id or key');
  });

  it('is its own per app: a second service starts from zero', async () => {
    const other = await startTestService();
    try {
      const text = await scrape(other);
      assert.equal(sample(text, 'tokenframe_tokens_created_total{type="card"}'), undefined);
    } finally {
      await other.close();
    }
  });
});
