import { retryDelayMs } from './delivery-queue';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('retry back-off', () => {
  it('doubles from the base, half fixed and half random (equal jitter)', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the maximum, however many attempts', () => {
    expect(retryDelayMs(7, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 0)).toBe(30_000);
  });

  it('spreads deliveries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, policy)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(8000);
  });
});
