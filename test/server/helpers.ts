import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type RunningService, type StartServiceOptions } from '../../src/server/service';

export interface TestService {
  url: string;
  publishableKey: string;
  secretKey: string;
  dataDir: string;
  service: RunningService;
  /** Stops the service and deletes its data directory. */
  close(): Promise<void>;
}

/**
 * A real service on a free port of 127.0.0.1 with its own throwaway data
 * directory, for tests that talk HTTP (node, browser and e2e alike).
 */
export async function startTestService(overrides: StartServiceOptions = {}): Promise<TestService> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'tokenframe-test-')));
  const service = await startService({ port: 0, host: '127.0.0.1', logger: false, ...overrides, dataDir });
  return {
    url: service.url,
    publishableKey: service.config.devAccount.publishableKey,
    secretKey: service.config.devAccount.secretKey,
    dataDir,
    service,
    async close() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Encodes Stripe-style parameters: `{ card: { number } }` → `card[number]=…`. */
export function formBody(params: Record<string, unknown>, prefix = ''): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value !== null && typeof value === 'object') {
      parts.push(formBody(value as Record<string, unknown>, name));
    } else if (value !== undefined) {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.filter(Boolean).join('&');
}
