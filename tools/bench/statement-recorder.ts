import { Client } from 'pg';
import { statementsOf } from './api';

export interface RecordedStatement {
  text: string;
  values: unknown[];
  /** The connection it went through, to tell one transaction's statements from the rest. */
  client: Client;
}

/**
 * Every statement any pg client of this process sends while `work` runs: the bench's way of
 * seeing what one operation costs in round trips. Background work of the same process (pollers,
 * queues) is recorded too; callers filter for what is theirs.
 */
export async function recordStatements(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: Client, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
    if (text) recorded.push({ text, values: Array.isArray(second) ? second : [], client: this });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return recorded;
}

/** The statements of one message: the API sends several in one round trip. */
export function statementsIn(message: RecordedStatement): string[] {
  return statementsOf(message.text);
}

/** A message's statements by their first words, for a note: `[START TRANSACTION · SELECT set_config]`. */
export function messageGist(message: RecordedStatement): string {
  const gist = (statement: string) => statement.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ').replace(/\(.*$/, '').trim();
  return `[${statementsIn(message).map(gist).join(' · ')}]`;
}

/** The statements of the connection that sent one matching `marker`: a transaction, whole. */
export function statementsOfConnection(recorded: readonly RecordedStatement[], marker: RegExp): RecordedStatement[] {
  const client = recorded.find((statement) => marker.test(statement.text))?.client;
  return recorded.filter((statement) => statement.client === client);
}
