// The RateLimitCounter contract (requests counted per key and window, shared by processes), run against each engine.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openRateLimitCounter, type RateLimitCounter } from '../../src/server/rate-limit/counter';
import { type OpenStores, useStores } from './harness';
import { now } from './records';

export function describeRateLimitCounterContract(name: string, open: OpenStores): void {
  describe(`${name}: RateLimitCounter contract`, () => {
    const opened = useStores(open);
    let counter: RateLimitCounter;
    beforeEach(async () => {
      counter = await openRateLimitCounter(opened().database);
    });
    afterEach(() => counter.close());

    it('counts every one of many concurrent hits on a key once', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => counter.hit('key:key_1', now, 60)));
      assert.deepEqual(
        results.map(({ hits }) => hits).sort((a, b) => a - b),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      for (const result of results) assert.equal(result.windowEndsAt, now + 60);
      assert.deepEqual(await counter.hit('ip:127.0.0.1', now, 60), { hits: 1, windowEndsAt: now + 60 });
    });

    it('keeps a window until it ends, then starts a new one', async () => {
      await counter.hit('key:key_1', now, 60);
      assert.deepEqual(await counter.hit('key:key_1', now + 59, 60), { hits: 2, windowEndsAt: now + 60 });
      assert.deepEqual(await counter.hit('key:key_1', now + 60, 60), { hits: 1, windowEndsAt: now + 120 });
    });

    it('peeks at a key’s count in its current window without counting', async () => {
      assert.equal(await counter.peek('ip:127.0.0.1', now), 0);
      await counter.hit('ip:127.0.0.1', now, 60);
      await counter.hit('ip:127.0.0.1', now, 60);
      assert.deepEqual(
        await Promise.all([
          counter.peek('ip:127.0.0.1', now + 59),
          counter.peek('ip:127.0.0.2', now),
          counter.peek('ip:127.0.0.1', now + 60),
        ]),
        [2, 0, 0],
      );
      assert.deepEqual(await counter.hit('ip:127.0.0.1', now + 1, 60), { hits: 3, windowEndsAt: now + 60 });
    });

    it('forgets the windows that ended, and counts them', async () => {
      await counter.hit('key:old', now, 10);
      await counter.hit('key:current', now, 60);
      assert.equal(await counter.forgetEnded(now + 30), 1);
      assert.equal(await counter.forgetEnded(now + 30), 0);
      assert.deepEqual(await counter.hit('key:current', now + 30, 60), { hits: 2, windowEndsAt: now + 60 });
    });
  });
}
