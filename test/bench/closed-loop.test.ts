import { describe, expect, it, vi } from 'vitest';
import { deferred, runClosedLoop } from '../../src/bench/closed-loop.js';

describe('runClosedLoop', () => {
  it('keeps exactly `concurrency` requests in flight, sends every index once, and counts failures apart', async () => {
    let inFlight = 0;
    let most = 0;
    const sent: number[] = [];
    const row = await runClosedLoop(
      'test',
      40,
      8,
      async (index) => {
        sent.push(index);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await Promise.resolve();
        inFlight -= 1;
        if (index % 10 === 3) throw new Error('no reply');
        return index;
      },
      10,
    );
    expect(most).toBe(8);
    expect([...sent].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // Warm-up indexes 0-9 are not counted: of 10-49, indexes 13, 23, 33 and 43 failed.
    expect(row).toMatchObject({ platform: 'test', concurrency: 8, requests: 36, failed: 4 });
    expect(row.latency.count).toBe(36);
    expect(row.latency.maxMs).toBe(49);
  });
});

describe('deferred', () => {
  it('resolves with the value given, rejects after its time limit, and stays silent once cancelled', async () => {
    vi.useFakeTimers();
    try {
      const answered = deferred<number>(1_000, 'x');
      answered.resolve(7);
      await expect(answered.promise).resolves.toBe(7);
      const late = deferred<number>(1_000, 'slack');
      const cancelled = deferred<number>(1_000, 'discord');
      let settled = false;
      cancelled.promise.then(() => (settled = true), () => (settled = true));
      cancelled.cancel();
      vi.advanceTimersByTime(1_001);
      await expect(late.promise).rejects.toThrow('slack: no reply within 1000 ms');
      await Promise.resolve();
      expect(settled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
