import type { Sql } from '../database/sql';

/** Rows per statement: keeps one statement's parameters a few megabytes at most. */
const ROWS_PER_STATEMENT = 5000;

/** A PostgreSQL array literal: pg would send a nested JavaScript array as one two-dimensional array. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((value) => `"${String(value).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** A jsonb parameter: SQL NULL for an absent value (a JSON null would not be IS NULL). */
const jsonOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** One row of a table, by column name. */
export type RowOf<Table> = Table extends ProjectionTable<infer Column> ? Readonly<Record<Column, unknown>> : never;

/**
 * A projection table described once: its columns with their types, and the key an upsert
 * replaces on. Any number of rows are written by one statement (an unnest of one array per
 * column), so the live path writing one row and a rebuild writing thousands run the same SQL.
 */
export class ProjectionTable<Column extends string> {
  private readonly names: Column[];
  private readonly statement: string;

  constructor(
    table: string,
    /** Column name to PostgreSQL type, in the order of the statement. */
    private readonly types: Readonly<Record<Column, string>>,
    /** Without a key, rows are only inserted; with one, a row with the same key is replaced. */
    key?: readonly NoInfer<Column>[],
  ) {
    this.names = Object.keys(types) as Column[];
    // Array columns travel as text literals: unnest would flatten an array of arrays.
    const unnested = this.names.map((column, index) => `$${index + 1}::${types[column].endsWith('[]') ? 'text' : types[column]}[]`);
    const selected = this.names.map((column) => (types[column].endsWith('[]') ? `r.${column}::${types[column]}` : `r.${column}`));
    const replaced = this.names.filter((column) => !key?.includes(column));
    this.statement = `INSERT INTO ${table} (${this.names.join(', ')})
      SELECT ${selected.join(', ')} FROM unnest(${unnested.join(', ')}) AS r (${this.names.join(', ')})${
        key ? ` ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${replaced.map((column) => `${column} = excluded.${column}`).join(', ')}` : ''
      }`;
  }

  async write(sql: Sql, rows: ReadonlyArray<Readonly<Record<Column, unknown>>>): Promise<void> {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      await sql.query(this.statement, this.names.map((column) => chunk.map((row) => this.parameter(column, row[column]))));
    }
  }

  private parameter(column: Column, value: unknown): unknown {
    const type = this.types[column];
    if (type === 'jsonb') return jsonOrNull(value);
    if (type.endsWith('[]') && Array.isArray(value)) return arrayLiteral(value);
    return value;
  }
}
