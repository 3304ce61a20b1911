import type { Client } from 'pg';
import type { Sql } from './sql';

/** A connection of its own (the owner's, outside the application's pool: maintenance, tools, tests) as the Sql the repositories, projections and chain readers take. */
export function clientSql(client: Client): Sql {
  return { query: async <Row>(text: string, parameters?: unknown[]) => (await client.query(text, parameters)).rows as Row[] };
}
