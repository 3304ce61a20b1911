import fc from 'fast-check';
import { Client } from 'pg';
import { SecondStatementError, StatementBatch, withLiterals, type StatementClient } from './statement-batch';

const adminUrl = process.env['ZEREN_TEST_ADMIN_URL']!;

describe('statements with their parameters written in as literals', () => {
  const client = new Client({ connectionString: adminUrl });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const asParameter = async (text: string, value: unknown) => (await client.query(text, [value])).rows;
  const asLiteral = async (text: string, value: unknown) => (await client.query(withLiterals(text, [value]))).rows;

  const values: Array<[string, string, unknown]> = [
    ['text with quotes, backslashes and a newline', 'text', `it's a \\ back'slash\n第二行 "quoted"`],
    ['text that looks like a parameter', 'text', `$1 and E'\\'`],
    ['text[] with nulls, commas, braces and quotes', 'text[]', ['a,b', null, '{c}', 'd"e', "f'g", 'h\\i', '']],
    ['uuid[]', 'uuid[]', ['6f1c1e1e-4a55-4d1c-9f3e-111111111111', '6f1c1e1e-4a55-4d1c-9f3e-222222222222']],
    ['jsonb with quotes, backslashes and Chinese', 'jsonb', JSON.stringify({ title: '关于"整改"的\\说明', n: [1, 2.5, null], nested: { ok: true } })],
    ['bytea', 'bytea', Buffer.from([0, 1, 2, 0x5c, 0x27, 255])],
    ['timestamptz from a Date', 'timestamptz', new Date('2026-03-31T16:00:00.123Z')],
    ['date', 'date', '2026-02-28'],
    ['bigint', 'bigint', 9007199254740993n],
    ['integer', 'integer', -42],
    ['numeric', 'numeric', 0.1],
    ['boolean', 'boolean', false],
    ['null', 'text', null],
  ];

  it.each(values)('%s reads back exactly as the parameter does', async (_name, type, value) => {
    const text = `SELECT $1::${type} AS v, pg_typeof($1::${type})::text AS t`;
    expect(await asLiteral(text, value)).toEqual(await asParameter(text, value));
  });

  it('an untyped literal takes its column type in INSERT … VALUES and INSERT … SELECT as a parameter does', async () => {
    await client.query('CREATE TEMP TABLE typed (n bigint, at timestamptz, ids uuid[], body jsonb, bytes bytea)');
    const row = [5n, new Date('2026-01-02T03:04:05Z'), ['6f1c1e1e-4a55-4d1c-9f3e-111111111111'], JSON.stringify({ a: 'b' }), Buffer.from('hash')];
    const insertValues = 'INSERT INTO typed VALUES ($1, $2, $3, $4, $5)';
    const insertSelect = 'INSERT INTO typed SELECT $1, $2, $3, $4, $5 WHERE true';
    for (const text of [insertValues, insertSelect]) {
      await client.query(text, row);
      await client.query(withLiterals(text, row));
    }
    const { rows } = await client.query('SELECT * FROM typed');
    expect(rows).toHaveLength(4);
    for (const stored of rows) expect(stored).toEqual(rows[0]);
  });

  it('any string survives the trip as a literal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('\u0000')), async (text) => {
        expect(await asLiteral('SELECT $1::text AS v', text)).toEqual([{ v: text }]);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves $n alone inside quotes, quoted names and comments', () => {
    const text = `SELECT $1 AS "$1", '$1' AS b, E'\\'$1' AS c -- $1\n/* $1 */ , $2`;
    expect(withLiterals(text, ['x', 2])).toBe(`SELECT 'x' AS "$1", '$1' AS b, E'\\'$1' AS c -- $1\n/* $1 */ , '2'`);
  });

  it('refuses a statement naming a parameter it was not given', () => {
    expect(() => withLiterals('SELECT $2', ['only one'])).toThrow('statement uses $2 but has 1 parameters');
  });
});

describe('a transaction sent in as few messages as its statements allow', () => {
  const client = new Client({ connectionString: adminUrl });
  let messages: string[];
  const counting: StatementClient = {
    query: (text, parameters) => {
      messages.push(text);
      return client.query(text, parameters) as ReturnType<StatementClient['query']>;
    },
  };
  beforeAll(async () => {
    await client.connect();
    await client.query('CREATE TABLE IF NOT EXISTS batch_probe (id int PRIMARY KEY, note text)');
  });
  beforeEach(async () => {
    messages = [];
    await client.query('TRUNCATE batch_probe');
  });
  afterAll(async () => {
    await client.query('DROP TABLE batch_probe');
    await client.end();
  });

  it('sends the opening with the first read, waits with writes, and sends them with the read that follows, in order', async () => {
    const batch = new StatementBatch(counting, 'START TRANSACTION');
    expect(await batch.query('SELECT count(*)::int AS n FROM batch_probe')).toEqual([{ n: 0 }]);
    expect(await batch.query('INSERT INTO batch_probe VALUES ($1, $2)', [1, 'first'])).toEqual([]);
    await batch.query('UPDATE batch_probe SET note = $2 WHERE id = $1', [1, 'second']);
    expect(messages).toHaveLength(1);
    expect(await batch.query('SELECT note FROM batch_probe WHERE id = $1', [1])).toEqual([{ note: 'second' }]);
    await batch.query('INSERT INTO batch_probe VALUES ($1, $2)', [2, 'third']);
    await batch.commit();
    expect(messages).toHaveLength(3);
    expect(messages[2]).toMatch(/INSERT INTO batch_probe VALUES \('2', 'third'\);\nCOMMIT$/);
    expect((await client.query('SELECT id, note FROM batch_probe ORDER BY id')).rows).toEqual([
      { id: 1, note: 'second' },
      { id: 2, note: 'third' },
    ]);
  });

  it('a write that fails fails the commit it travels with, and nothing of the transaction is stored', async () => {
    const batch = new StatementBatch(counting, 'START TRANSACTION');
    await batch.query('INSERT INTO batch_probe VALUES ($1, $2)', [1, 'kept?']);
    await batch.query('INSERT INTO batch_probe VALUES ($1, $2)', [1, 'duplicate key']);
    await expect(batch.commit()).rejects.toMatchObject({ code: '23505' });
    expect(batch.started).toBe(true);
    await client.query('ROLLBACK');
    expect((await client.query('SELECT count(*)::int AS n FROM batch_probe')).rows).toEqual([{ n: 0 }]);
  });

  it('a transaction that never asked anything sends nothing at all', async () => {
    const batch = new StatementBatch(counting, 'START TRANSACTION');
    await batch.commit();
    expect(batch.started).toBe(false);
    expect(messages).toEqual([]);
  });

  it('a single-statement transaction is one message: opening, statement and COMMIT', async () => {
    await client.query(`INSERT INTO batch_probe VALUES (1, 'one')`);
    const batch = new StatementBatch(counting, 'START TRANSACTION READ ONLY', true);
    expect(await batch.query('SELECT note FROM batch_probe WHERE id = $1', [1])).toEqual([{ note: 'one' }]);
    await batch.commit();
    expect(messages).toEqual([`START TRANSACTION READ ONLY;\nSELECT note FROM batch_probe WHERE id = '1';\nCOMMIT`]);
    await expect(batch.query('SELECT 1')).rejects.toBeInstanceOf(SecondStatementError);
  });

  it('a single statement that fails leaves the transaction for the caller to roll back, nothing stored', async () => {
    const batch = new StatementBatch(counting, 'START TRANSACTION', true);
    await expect(batch.query('INSERT INTO batch_probe VALUES ($1, $2), ($1, $2)', [3, 'twice'])).rejects.toMatchObject({ code: '23505' });
    expect(batch.started).toBe(true);
    await client.query('ROLLBACK');
    expect((await client.query('SELECT count(*)::int AS n FROM batch_probe')).rows).toEqual([{ n: 0 }]);
  });

  it('a parameter holding a NUL, which no message text can carry, travels as a parameter and is refused as before', async () => {
    const batch = new StatementBatch(counting, 'START TRANSACTION');
    await batch.query('INSERT INTO batch_probe VALUES ($1, $2)', [1, 'waits']);
    await expect(batch.query('SELECT id FROM batch_probe WHERE note = $1', ['nul\u0000here'])).rejects.toMatchObject({ code: '22021' });
    expect(messages).toEqual([`START TRANSACTION;\nINSERT INTO batch_probe VALUES ('1', 'waits')`, 'SELECT id FROM batch_probe WHERE note = $1']);
    await client.query('ROLLBACK');
    const single = new StatementBatch(counting, 'START TRANSACTION READ ONLY', true);
    await expect(single.query('SELECT $1::text AS v', ['nul\u0000'])).rejects.toMatchObject({ code: '22021' });
    await client.query('ROLLBACK');
  });

  it('statements returning rows are never held back', async () => {
    const batch = new StatementBatch(counting, 'START TRANSACTION');
    expect(await batch.query('INSERT INTO batch_probe VALUES ($1, $2) RETURNING id', [7, 'returned'])).toEqual([{ id: 7 }]);
    expect(messages).toHaveLength(1);
    await batch.commit();
  });
});
