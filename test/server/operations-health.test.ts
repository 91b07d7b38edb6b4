import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestService, type TestService } from './helpers';

/** What a load balancer and an orchestrator ask the service, without any key. */
describe('/healthz and /readyz', () => {
  let svc: TestService;

  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  it('/healthz answers 200 {status: ok} without a key', async () => {
    const response = await fetch(`${svc.url}/healthz`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('/readyz answers 200 {status: ok} while the database answers with its schema applied', async () => {
    const response = await fetch(`${svc.url}/readyz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('/readyz answers 503 when the schema this process runs on is missing from the database', async () => {
    // As if the database had been restored from a backup made before the migrations.
    const { database } = svc.service.stores;
    const forget = 'DELETE FROM schema_migrations';
    if (database.engine === 'sqlite') database.connection.prepare(forget).run();
    else await database.pool.query(forget);

    const response = await fetch(`${svc.url}/readyz`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'unavailable', reason: 'database migrations missing' });
    // Alive all the same: restarting the process would not bring the schema back.
    assert.equal((await fetch(`${svc.url}/healthz`)).status, 200);
  });
});
