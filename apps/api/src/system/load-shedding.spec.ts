import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '../config/app-config';
import { loadShedding } from './load-shedding';

describe('load shedding', () => {
  const shedding = loadShedding({ maxInFlight: 2, maxEventLoopDelayMs: undefined, retryAfterSeconds: 3 });
  const app = express();
  let releaseSlow: () => void = () => undefined;
  const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
  app.use(shedding);
  app.get('/slow', (_request, response) => void slowGate.then(() => response.send('ok')));
  app.get('/fast', (_request, response) => void response.send('ok'));
  app.get('/health', (_request, response) => void response.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  beforeAll(() => new Promise((resolve) => server.once('listening', resolve)));
  const url = (path: string): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  afterAll(() => {
    shedding.stop();
    server.close();
  });

  it('turns requests past the in-flight bound away with 503 and Retry-After, answers health, and recovers once load drops', async () => {
    const slow = [fetch(url('/slow')), fetch(url('/slow'))];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await fetch(url('/fast'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toEqual({ errors: [{ message: '服务繁忙，请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect((await fetch(url('/health'))).status).toBe(200);
    releaseSlow();
    expect((await Promise.all(slow)).map((response) => response.status)).toEqual([200, 200]);
    expect((await fetch(url('/fast'))).status).toBe(200);
  });

  it('reads its bounds from the environment, with defaults, and refuses nonsense', () => {
    expect(loadConfig({}).loadShedding).toEqual({ maxInFlight: 512, maxEventLoopDelayMs: undefined, retryAfterSeconds: 2 });
    expect(loadConfig({ ZEREN_MAX_EVENT_LOOP_DELAY_MS: '200' }).loadShedding.maxEventLoopDelayMs).toBe(200);
    expect(loadConfig({ ZEREN_MAX_IN_FLIGHT: '64' }).loadShedding.maxInFlight).toBe(64);
    expect(() => loadConfig({ ZEREN_MAX_IN_FLIGHT: '0' })).toThrow(/ZEREN_MAX_IN_FLIGHT/);
  });
});
