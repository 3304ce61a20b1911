import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, graphql, startServerProcess } from '@zeren/testing';

describe('npm start on a fresh machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zeren-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('initialises embedded PostgreSQL in an empty data folder, migrates, answers GraphQL, and keeps the data across a restart', async () => {
    const env = {
      NODE_ENV: 'production',
      ZEREN_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ZEREN_EMBEDDED_PG_PORT: String(await freePort()),
    };
    const first = await startServerProcess(env);
    try {
      expect(first.output()).toContain('migration applied: CreateEventStore');
      const credentials = /sign in as 'platform' with password '([^']+)'/.exec(first.output());
      expect(credentials).not.toBeNull();
      const signIn = await graphql<{ signIn: { viewer: { role: string } } }>(
        first.url,
        'mutation($p: String!) { signIn(input: { username: "platform", password: $p }) { viewer { role } } }',
        { p: credentials![1] },
      );
      expect(signIn.body.data!.signIn.viewer.role).toBe('platform_admin');
      const health = await fetch(`${first.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
      const { body } = await graphql<{ systemStatus: { migrationsApplied: number } }>(first.url, '{ systemStatus { version migrationsApplied } }');
      expect(body.errors).toBeUndefined();
      expect(body.data!.systemStatus.migrationsApplied).toBeGreaterThanOrEqual(2);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startServerProcess(env);
    try {
      expect(second.output()).not.toContain('migration applied');
      expect(second.output()).not.toContain('First start');
      const { body } = await graphql<{ systemStatus: { migrationsApplied: number } }>(second.url, '{ systemStatus { migrationsApplied } }');
      expect(body.data!.systemStatus.migrationsApplied).toBeGreaterThanOrEqual(2);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
