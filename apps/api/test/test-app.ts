import { loadConfig } from '../src/config/app-config';
import { JsonLogger } from '../src/logging/json-logger';
import { startServer, type RunningServer } from '../src/server';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'zeren-test-jwt-secret-0123456789abcdef';
export const TEST_ADMIN_PASSWORD = 'Platform-test-2026';

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
}

export interface TestApp {
  url: string;
  database: TestDatabase;
  server: RunningServer;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  signIn(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application (HTTP, GraphQL, auth, RLS) on a fresh database, in this process. */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_URL: database.appUrl,
    ZEREN_JWT_SECRET: TEST_JWT_SECRET,
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ZEREN_DATA_DIR: `/tmp/${database.name}`,
    ZEREN_LOG_LEVEL: 'error',
    ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: '10000',
    ...environment,
  });
  const server = await startServer(config, new JsonLogger('error'));
  const graphql = async <T>(query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  };
  return {
    url: server.url,
    database,
    server,
    graphql,
    async signIn(username, password) {
      const result = await graphql<{ signIn: { accessToken: string } }>(
        'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
        { input: { username, password } },
      );
      if (!result.data) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.signIn.accessToken;
    },
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
