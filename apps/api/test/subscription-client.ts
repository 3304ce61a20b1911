import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveSubscription<T> {
  /** Every value received so far, in order. */
  values: T[];
  errors: unknown[];
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A GraphQL subscription over graphql-ws, as the web client makes it: the Bearer token in
 * connectionParams. Resolves once the connection is acknowledged and the operation had a moment
 * to reach the server.
 */
export async function subscribe<T>(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<LiveSubscription<T>> {
  let client: Client | undefined;
  const connected = new Promise<void>((resolve, reject) => {
    client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      on: {
        connected: () => resolve(),
        closed: (event) => reject(new Error(`subscription connection closed: ${(event as { code?: number }).code ?? ''}`)),
      },
    });
  });
  const values: T[] = [];
  const errors: unknown[] = [];
  const field = /\{\s*(\w+)/.exec(query.slice(query.indexOf('{')))?.[1] ?? '';
  client!.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) values.push(result.data[field]!);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  await connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    values,
    errors,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (values.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} values, received ${values.length}; errors: ${JSON.stringify(errors)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return values;
    },
    close: async () => {
      await client!.dispose();
    },
  };
}
