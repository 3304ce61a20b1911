import { decodeCursor, encodeCursor, InvalidCursorError } from '../graphql/connection';
import type { SqlParams } from './sql-params';

/** One sort order of a list: a SQL expression, its direction and how a row's value goes into a cursor. */
export interface KeysetOrder<Row> {
  /** Names the order inside the cursor, so a cursor of one order is refused by another. */
  name: string;
  /** SQL over the listed table's alias. */
  expression: string;
  /** SQL type the cursor value is cast back to. */
  cast: 'date' | 'timestamptz' | 'integer' | 'text';
  descending: boolean;
  valueOf(row: Row): string | number;
}

/**
 * Keyset pagination ordered by (sort key, id): stable under inserts and ties, and a page costs an
 * index range scan however deep it is. The cursor is the sort key of the page's last row.
 */
export class Keyset<Row> {
  constructor(
    private readonly order: KeysetOrder<Row>,
    /** The tie-breaker, unique per row. */
    private readonly idColumn: string,
    private readonly idOf: (row: Row) => string,
  ) {}

  /** Rows after the cursor, or TRUE without one. */
  after(cursor: string | null | undefined, params: SqlParams): string {
    if (!cursor) return 'TRUE';
    const [name, value, id] = decodeCursor(cursor, 3);
    if (name !== this.order.name || value === null || typeof id !== 'string') throw new InvalidCursorError();
    const comparison = this.order.descending ? '<' : '>';
    return `(${this.order.expression}, ${this.idColumn}) ${comparison} (${params.add(value)}::${this.order.cast}, ${params.add(id)}::uuid)`;
  }

  orderBy(): string {
    const direction = this.order.descending ? 'DESC' : 'ASC';
    return `${this.order.expression} ${direction}, ${this.idColumn} ${direction}`;
  }

  cursorOf(row: Row): string {
    return encodeCursor([this.order.name, this.order.valueOf(row), this.idOf(row)]);
  }
}
