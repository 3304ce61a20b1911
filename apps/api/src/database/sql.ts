/** The one thing repositories need from a connection or transaction: parameterised SQL. */
export interface Sql {
  // TypeORM's QueryRunner.query is untyped; rows are typed by each caller's generic.
  query<Row = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<Row[]>;
}
