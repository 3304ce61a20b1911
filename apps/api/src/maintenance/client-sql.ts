import type { Client } from 'pg';
import type { Sql } from '../database/sql';

/** A maintenance connection (the owner's, outside the application's pool) as the Sql the repositories and projections take. */
export function clientSql(client: Client): Sql {
  return { query: async <Row>(text: string, parameters?: unknown[]) => (await client.query(text, parameters)).rows as Row[] };
}
