import { startServerProcess, type ServerProcess } from '@zeren/testing';
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET } from '../test-app';
import type { PgCluster } from './pg-cluster';

export const APP_DB_PASSWORD = 'reliability-app-password';

/** The built API (`npm start`) as a child process on `port`, against the test's own cluster. */
export function startApiProcess(cluster: PgCluster, dataDir: string, port: number, environment: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: cluster.url('zeren'),
    ZEREN_APP_DB_PASSWORD: APP_DB_PASSWORD,
    ZEREN_JWT_SECRET: TEST_JWT_SECRET,
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ZEREN_DATA_DIR: dataDir,
    ZEREN_SEED_DEMO: 'never',
    ZEREN_LOG_LEVEL: 'error',
    ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: '100000',
    ZEREN_DB_POOL_SIZE: '20',
    // A run signs in once and can outlast the default 15 minutes on a busy machine; expiry has its own tests.
    ZEREN_ACCESS_TOKEN_TTL_SECONDS: '3600',
    ...environment,
  });
}
