import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';

export interface LoadSheddingOptions {
  /** Requests served at once; the next one is turned away rather than queued behind them. */
  maxInFlight: number;
  /**
   * p99 event-loop delay (ms) over the last sampling window above which new requests are turned
   * away; undefined leaves it off (a shared, busy machine lags without the API being overloaded).
   */
  maxEventLoopDelayMs: number | undefined;
  retryAfterSeconds: number;
}

const SAMPLE_WINDOW_MS = 500;

/**
 * Past capacity, a quick 503 with Retry-After keeps the requests already admitted fast and lets
 * clients back off, where queueing would make every request slow and time out together. The
 * health check is always answered, so an orchestrator does not restart a busy but healthy API.
 */
export function loadShedding(options: LoadSheddingOptions): ((request: Request, response: Response, next: NextFunction) => void) & { stop(): void } {
  let inFlight = 0;
  let lagging = false;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const limit = options.maxEventLoopDelayMs;
  const sampler =
    limit === undefined
      ? undefined
      : setInterval(() => {
          lagging = delay.percentile(99) / 1e6 > limit;
          delay.reset();
        }, SAMPLE_WINDOW_MS);
  if (sampler) {
    delay.enable();
    sampler.unref();
  }
  const middleware = (request: Request, response: Response, next: NextFunction): void => {
    if (request.path === '/health') {
      next();
      return;
    }
    if (inFlight >= options.maxInFlight || lagging) {
      response.setHeader('Retry-After', String(options.retryAfterSeconds));
      response.status(503).json({ errors: [{ message: '服务繁忙，请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    inFlight++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      inFlight--;
    };
    response.once('finish', release);
    response.once('close', release);
    next();
  };
  return Object.assign(middleware, {
    stop: () => {
      if (sampler) clearInterval(sampler);
      delay.disable();
    },
  });
}
