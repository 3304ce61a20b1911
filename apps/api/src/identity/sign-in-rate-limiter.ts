import { TooManyAttemptsError } from './auth-errors';

/**
 * A sliding window of sign-in attempts per client address, counted per resolver call, so attempts
 * packed into one request (aliases, batches) count one by one. The account lock-out in the database
 * is the limit that holds across instances; this one slows a single source down early.
 */
export class SignInRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts = 10,
    private readonly windowMs = 60_000,
  ) {}

  take(source: string, now = Date.now()): void {
    const recent = (this.attempts.get(source) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(source, recent);
      throw new TooManyAttemptsError((recent[0]! + this.windowMs - now) / 1000);
    }
    recent.push(now);
    this.attempts.set(source, recent);
    if (this.attempts.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [source, times] of this.attempts) {
      if (times.every((at) => now - at >= this.windowMs)) this.attempts.delete(source);
    }
  }
}
