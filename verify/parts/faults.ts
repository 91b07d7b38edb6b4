/**
 * Faults: connections dropped after the service did the work but before the
 * client heard back, with the client retrying under one Idempotency-Key (no
 * duplicate token may appear); and a PostgreSQL that goes away under a
 * running service and comes back (clear errors meanwhile, then recovery
 * without a restart). The browser side of a slow or dead service — the
 * frame's retry state, the host's clear error — is in the protocol part.
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { expectEqual, waitFor, type PartOptions, type PartResult, type Row } from '../part';
import { cardBody, post, startServiceProcess, type ServiceProcess } from '../service-process';

/** A TCP proxy that forwards each request, then drops the connection the moment the answer starts, `drops` times. */
async function startDroppingProxy(
  target: URL,
): Promise<{ url: string; dropNext(count: number): void; close(): Promise<void> }> {
  let drops = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      if (drops > 0) {
        drops--;
        client.destroy();
        upstream.destroy();
      } else {
        client.write(chunk);
      }
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropNext: (count) => (drops = count),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** How many tokens the service says it created, from /metrics. */
async function tokensCreated(service: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  return [...text.matchAll(/^tokenframe_tokens_created_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
}

/** Posts through the proxy until an answer arrives, as stripe-node's retries do, with one Idempotency-Key. */
async function createWithRetries(proxyUrl: string, service: ServiceProcess, key: string) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const response = await fetch(`${proxyUrl}/v1/tokens`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${service.publishableKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': key,
          connection: 'close',
        },
        body: cardBody(),
      });
      const body = (await response.json()) as { id?: string };
      return {
        status: response.status,
        id: body.id,
        replayed: response.headers.get('idempotent-replayed') === 'true',
        attempt,
      };
    } catch {
      // Dropped: try again with the same key.
    }
  }
  return { status: 0, id: undefined, replayed: false, attempt: 5 };
}

async function droppedConnections(service: ServiceProcess, count: number): Promise<Row[]> {
  const proxy = await startDroppingProxy(new URL(service.url));
  try {
    const before = await tokensCreated(service);
    const answers = [];
    for (let i = 0; i < count; i++) {
      proxy.dropNext(1 + (i % 2));
      answers.push(await createWithRetries(proxy.url, service, `verify-drop-${i}`));
    }
    const created = (await tokensCreated(service)) - before;
    return [
      expectEqual(`requests whose answer was dropped 1 or 2 times`, answers.filter((a) => a.attempt > 1).length, count),
      expectEqual('answered 200 after retrying', answers.filter((a) => a.status === 200).length, count),
      expectEqual('retries answered as replays (Idempotent-Replayed)', answers.filter((a) => a.replayed).length, count),
      expectEqual('tokens created (duplicates would show here)', created, count),
      expectEqual('distinct token ids', new Set(answers.map((a) => a.id)).size, count),
    ];
  } finally {
    await proxy.close();
  }
}

async function databaseOutage(workDir: string): Promise<Row[]> {
  const postgres = (await startPostgres()) as {
    url: string;
    pause(): Promise<void>;
    resume(): Promise<void>;
    stop(): Promise<void>;
  };
  const dataDir = join(workDir, 'pg');
  await mkdir(dataDir);
  const service = await startServiceProcess({
    dataDir,
    logFile: join(workDir, 'pg.log'),
    env: { DATABASE_URL: postgres.url },
  });
  try {
    const create = () => post(`${service.url}/v1/tokens`, service.publishableKey, cardBody());
    const before = await create();
    await postgres.pause();
    const during = await create();
    const readyDuring = (await fetch(`${service.url}/readyz`)).status;
    await postgres.resume();
    const recovered = await waitFor(async () => (await create()).status === 200, 30_000);
    const after = await fetch(`${service.url}/v1/tokens/${before.body.id}`, {
      headers: { authorization: `Bearer ${service.secretKey}` },
    });
    return [
      expectEqual(
        'database gone: token request answered',
        `${during.status} ${during.body.error?.type}`,
        '503 api_error',
      ),
      expectEqual('database gone: /readyz', readyDuring, 503),
      expectEqual('database back: service recovers without a restart', recovered ? 'yes' : 'no', 'yes'),
      expectEqual('database back: a token from before reads 200', after.status, 200),
      expectEqual('service crashed', service.exitStatus() === null ? 'no' : `yes (${service.exitStatus()})`, 'no'),
    ];
  } finally {
    await service.stop();
    await postgres.stop();
  }
}

export async function run({ quick, workDir }: PartOptions): Promise<PartResult> {
  const dataDir = join(workDir, 'sqlite');
  const service = await startServiceProcess({ dataDir, logFile: join(workDir, 'sqlite.log') });
  const rows: Row[] = [];
  try {
    rows.push(...(await droppedConnections(service, quick ? 6 : 40)));
  } finally {
    await service.stop();
  }
  rows.push(...(await databaseOutage(workDir)));
  return { part: 'faults', rows };
}
