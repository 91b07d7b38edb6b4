import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { initDataDir } from '../../src/server/config';
import { createTokenframeHandler } from '../../src/server/index';

let scratch: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tokenframe-embed-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Serves `handler` on a free port for one request. */
async function get(handler: Parameters<typeof createServer>[1], path: string) {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await new Promise((listening) => server.once('listening', listening));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { status: response.status, body: await response.json() };
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}

describe('createTokenframeHandler', () => {
  it('answers unknown paths with Stripe’s 404 error, so it belongs on a host of its own', async () => {
    initDataDir({ dataDir: join(scratch, 'vault') });
    const tokenframe = createTokenframeHandler({ dataDir: join(scratch, 'vault') });
    try {
      const { status, body } = await get(tokenframe.handler, '/checkout');
      assert.equal(status, 404);
      assert.equal(body.error.type, 'invalid_request_error');
    } finally {
      await tokenframe.close();
    }
  });

  it('when it cannot start, ready() rejects with the cause and requests get a 503', async () => {
    const notADirectory = join(scratch, 'file');
    await writeFile(notADirectory, '');
    // Development mode, so the start gets as far as making the data directory.
    const tokenframe = createTokenframeHandler({ dataDir: join(notADirectory, 'vault'), dev: true });
    await assert.rejects(tokenframe.ready(), /ENOTDIR/);
    const { status, body } = await get(tokenframe.handler, '/v1/tokenframe.js');
    assert.equal(status, 503);
    assert.equal(body.error.type, 'api_error');
    await tokenframe.close();
  });
});
