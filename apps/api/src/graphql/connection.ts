import { type Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field({ description: 'More rows follow this page' }) hasNextPage!: boolean;
  @Field({ description: 'Rows precede this page' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first row' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row: pass as `after` for the next page' }) endCursor!: string | null;
}

@InputType({ description: 'Forward pagination: first N after a cursor' })
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100' }) first!: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the previous page' }) after?: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for a node type: edges, pageInfo and the total under the same filter. */
export function ConnectionType<Node>(nodeType: Type<Node>, name: string, description: string): Type<Connection<Node>> {
  @ObjectType(`${name}Edge`, { description: `${description} (edge)` })
  class EdgeType {
    @Field({ description: 'Opaque position of this row' }) cursor!: string;
    @Field(() => nodeType, { description: 'The row' }) node!: Node;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'Rows of this page' }) edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Where this page is' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Rows matching the filter that the caller may see' }) totalCount!: number;
  }
  return ConnectionClass;
}

/** Cursors are opaque to clients: base64url of the sort key values, decoded and checked on the way in. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export class InvalidCursorError extends Error {
  constructor() {
    super('无效的分页游标');
    this.name = 'InvalidCursorError';
  }
}

export function decodeCursor(cursor: string, length: number): (string | number | null)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the one error clients get for any malformed cursor
  }
  throw new InvalidCursorError();
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | undefined): number {
  if (first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new PageSizeError();
  return first;
}

export class PageSizeError extends Error {
  constructor() {
    super(`每页数量须在 1 到 ${MAX_PAGE_SIZE} 之间`);
    this.name = 'PageSizeError';
  }
}

/** Builds the connection from rows fetched with limit = size + 1 (the extra row only says there is more). */
export function toConnection<Row, Node>(rows: Row[], size: number, totalCount: number, cursorOf: (row: Row) => string, nodeOf: (row: Row) => Node, after: string | null | undefined): Connection<Node> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
