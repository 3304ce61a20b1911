import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@zeren/testing';
import { startApiProcess } from './api-process';
import { createPgCluster } from './pg-cluster';

describe('npm start against a PostgreSQL started with fsync off', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zeren-fsync-off-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exits before serving, with the stable code UNSAFE_DATABASE_SETTINGS naming fsync', async () => {
    const cluster = createPgCluster(join(folder, 'cluster'), await freePort(), { fsync: 'off' });
    cluster.start();
    try {
      const refused = await startApiProcess(cluster, join(folder, 'app'), await freePort()).then(
        async (server) => {
          await server.stop();
          return 'started';
        },
        (error: Error) => error.message,
      );
      expect(refused).toMatch(/exited with 1 before listening/);
      expect(refused).toContain('UNSAFE_DATABASE_SETTINGS: refusing to start with fsync=off');
    } finally {
      cluster.stop();
    }
  });
});
