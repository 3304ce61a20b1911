import { escapeLiteral } from 'pg';
import { prepareValue } from 'pg/lib/utils';
import type { Sql } from './sql';

/** What joins the statements of one message. */
export const STATEMENT_SEPARATOR = ';\n';

/**
 * The statements of one message a batch sent. Good enough for reading a message back (tests, the
 * bench): a literal that itself holds the separator would be split too.
 */
export function statementsOf(message: string): string[] {
  return message.split(STATEMENT_SEPARATOR);
}

/** The part of a pg client a batch needs: one query with its rows, or several with theirs. */
export interface StatementClient {
  query(text: string, parameters?: unknown[]): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>>;
}

/**
 * A parameter as a SQL literal. pg sends every parameter as untyped text (arrays, dates and JSON
 * in prepareValue's form), and PostgreSQL reads an untyped literal the same way from its
 * context, so the statement means exactly what it meant with parameters.
 */
function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) return escapeLiteral(`\\x${value.toString('hex')}`);
  const prepared = prepareValue(value);
  if (prepared === null) return 'NULL';
  if (typeof prepared === 'string' && prepared.includes('\u0000')) throw new NotALiteralError();
  return escapeLiteral(Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : prepared);
}

/**
 * A NUL cannot be written into a message's text (the protocol ends the text there); such a
 * statement is sent with its parameters, and PostgreSQL refuses the NUL as it always did.
 */
class NotALiteralError extends Error {}

/**
 * The statement with each `$n` outside quotes, quoted identifiers and comments replaced by its
 * parameter as a literal. Dollar-quoted bodies are refused rather than scanned.
 */
export function withLiterals(text: string, parameters: readonly unknown[] = []): string {
  if (parameters.length === 0) return text;
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    let end = index + 1;
    if (char === "'" || char === '"') {
      const escapes = char === "'" && /[eE]/.test(text[index - 1] ?? '') && !/\w/.test(text[index - 2] ?? '');
      while (end < text.length) {
        if (escapes && text[end] === '\\') end += 2;
        else if (text[end] === char && text[end + 1] === char) end += 2;
        else if (text[end] === char) break;
        else end += 1;
      }
      end += 1;
    } else if (char === '-' && next === '-') {
      end = text.indexOf('\n', index);
      if (end === -1) end = text.length;
    } else if (char === '/' && next === '*') {
      end = text.indexOf('*/', index + 2) + 2;
      if (end === 1) end = text.length;
    } else if (char === '$' && next !== undefined && /\d/.test(next) && !/[\w$]/.test(text[index - 1] ?? '')) {
      const digits = /^\d+/.exec(text.slice(index + 1))![0];
      const position = Number(digits);
      if (position < 1 || position > parameters.length) throw new Error(`statement uses $${position} but has ${parameters.length} parameters`);
      out += literalOf(parameters[position - 1]);
      index += 1 + digits.length;
      continue;
    } else if (char === '$' && next !== undefined && /[A-Za-z_$]/.test(next) && !/[\w$]/.test(text[index - 1] ?? '')) {
      throw new Error('a statement with a dollar-quoted body cannot be batched');
    }
    out += text.slice(index, end);
    index = end;
  }
  return out;
}

/** The statement with its parameters written in, or undefined when one cannot be (a NUL) and it must travel with its parameters. */
function literalStatement(text: string, parameters: readonly unknown[]): string | undefined {
  try {
    return withLiterals(text, parameters);
  } catch (error) {
    if (error instanceof NotALiteralError) return undefined;
    throw error;
  }
}

/** The rows of a message's statement counted from its end (pg answers a message of several with a list). */
function rowsFromEnd<Row>(answer: Awaited<ReturnType<StatementClient['query']>>, fromEnd = 1): Row[] {
  return (Array.isArray(answer) ? answer.at(-fromEnd)! : answer).rows as Row[];
}

export class SecondStatementError extends Error {
  constructor() {
    super('a single-statement transaction was asked a second statement');
    this.name = 'SecondStatementError';
  }
}

/** A write whose answer nobody reads: INSERT, UPDATE or DELETE returning no rows. */
function isUnansweredWrite(text: string): boolean {
  return /^\s*(INSERT|UPDATE|DELETE)\b/i.test(text) && !/\bRETURNING\b/i.test(text);
}

/**
 * One transaction's statements, sent in as few round trips as they allow. Writes that return no
 * rows wait and travel in one message with the next statement that needs an answer, or with
 * COMMIT; the opening statements travel with the first query. Every statement still runs in
 * order, so reads see the writes before them, and a write that fails fails the message it went
 * in, which the caller's rollback answers as before. (Each statement sent this way is planned
 * afresh, as pg's unnamed statements already are.)
 */
export class StatementBatch implements Sql {
  private waiting: string[];
  private opened = false;
  private committed = false;

  /**
   * @param opening what opens the transaction: sent with the first statement that is sent at all.
   * @param single the work asks one statement: it travels with the opening and the COMMIT, the
   *   whole transaction one round trip; a second statement is refused.
   */
  constructor(
    private readonly client: StatementClient,
    opening: string,
    private readonly single = false,
  ) {
    this.waiting = [opening];
  }

  async query<Row = Record<string, unknown>>(text: string, parameters: unknown[] = []): Promise<Row[]> {
    if (this.committed) throw new SecondStatementError();
    // Only a statement that travels with others is written out as literals.
    const travelsWithOthers = this.single || this.waiting.length > 0 || isUnansweredWrite(text);
    const literal = travelsWithOthers ? literalStatement(text, parameters) : undefined;
    if (literal === undefined) {
      // Alone, with its parameters: after what waits, and before a single-statement transaction's COMMIT.
      if (this.waiting.length > 0) await this.send(this.waiting.splice(0));
      const rows = rowsFromEnd<Row>(await this.client.query(text, parameters));
      if (this.single) {
        await this.send(['COMMIT']);
        this.committed = true;
      }
      return rows;
    }
    if (this.single) {
      this.committed = true;
      return rowsFromEnd<Row>(await this.send([...this.waiting.splice(0), literal, 'COMMIT']), 2);
    }
    if (isUnansweredWrite(text)) {
      this.waiting.push(literal);
      return [];
    }
    return rowsFromEnd<Row>(await this.send([...this.waiting.splice(0), literal]));
  }

  /** Sends what waits, then COMMIT, in one message; nothing at all when the transaction never started or already ended. */
  async commit(): Promise<void> {
    if (this.committed || (!this.opened && this.waiting.length === 1)) return;
    await this.send([...this.waiting.splice(0), 'COMMIT']);
  }

  /** Whether anything reached the server, so there is a transaction to roll back. */
  get started(): boolean {
    return this.opened;
  }

  private send(statements: string[]): ReturnType<StatementClient['query']> {
    this.opened = true;
    return this.client.query(statements.join(STATEMENT_SEPARATOR));
  }
}
