import { isUuid } from '@zeren/domain';
import type { Sql } from '../database/sql';
import { decodeCursor, encodeCursor, InvalidCursorError, pageSize, toConnection, type Connection } from '../graphql/connection';

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
function decodeAfter(after: string | null | undefined): [string | null, string | null] {
  if (!after) return [null, null];
  const [at, id] = decodeCursor(after, 2);
  if (typeof at !== 'string' || !CURSOR_AT.test(at) || typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError();
  return [at, id];
}

/**
 * A keyset page over `created_at DESC, id DESC` of one table. The cursor carries created_at as
 * PostgreSQL prints it, to the microsecond: a JS Date would keep milliseconds only, and rows of
 * the same millisecond would then be skipped or repeated between pages.
 */
export async function newestFirstPage<Row extends { id: string }, Node>(
  sql: Sql,
  query: { from: string; where: string; params: readonly unknown[]; columns: string },
  page: { first: number | undefined; after: string | null | undefined },
  toNode: (row: Row) => Node,
): Promise<Connection<Node>> {
  const size = pageSize(page.first);
  const [afterAt, afterId] = decodeAfter(page.after);
  const n = query.params.length;
  const rows = await sql.query<Row & { cursor_at: string }>(
    `SELECT ${query.columns}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
       FROM ${query.from}
      WHERE ${query.where} AND ($${n + 1}::timestamptz IS NULL OR (created_at, id) < ($${n + 1}::timestamptz, $${n + 2}::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $${n + 3}`,
    [...query.params, afterAt, afterId, size + 1],
  );
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${query.from} WHERE ${query.where}`, [...query.params]);
  return toConnection(rows, size, count!.total, (row) => encodeCursor([row.cursor_at, row.id]), toNode, page.after);
}
