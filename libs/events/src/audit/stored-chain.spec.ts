import { ChainVerifier, type ChainLink } from '../core/chain-verifier';
import type { HashedEventContent } from '../core/hash-chain';
import { auditChain } from './chain-audit';
import { chainOf, contentAt, link, TENANT_ID } from './chain.fixtures';
import { readStoredChain, type ChainSql } from './stored-chain';

/** PostgreSQL's numeric output: plain digits, never an exponent (1e21 is 1000000000000000000000). */
function numericText(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, head, tail = '', exponentText] = match;
  const digits = `${head}${tail}`;
  const exponent = Number(exponentText);
  if (exponent >= 0) return `${sign}${digits.padEnd(exponent + 1, '0')}`;
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/** jsonb's text output: keys shortest first, then bytewise; ", " and ": " between; numbers as numeric prints them. */
function jsonbText(value: unknown): string {
  if (typeof value === 'number') return numericText(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((key) => `${JSON.stringify(key)}: ${jsonbText((value as Record<string, unknown>)[key])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** extract(epoch FROM …) * 1000 as PostgreSQL writes it: numeric, with the microseconds as three decimals. */
const epochMsText = (iso: string) => `${Date.parse(iso)}.000000`;

interface StoredText {
  data?: string;
  recordedAtMs?: string;
  effectiveAtMs?: string;
}

/** The text of one row as the verifier's query returns it (json_build_array(...)::text). */
function rowText(chained: ChainLink, stored: StoredText = {}): string {
  const { content } = chained;
  return `[${[
    JSON.stringify(chained.tenantPosition.toString()),
    JSON.stringify(content.streamType),
    JSON.stringify(content.streamId),
    String(content.version),
    JSON.stringify(content.type),
    String(content.schemaVersion),
    stored.data ?? jsonbText(content.data),
    jsonbText(content.metadata),
    stored.recordedAtMs ?? epochMsText(content.recordedAt),
    stored.effectiveAtMs ?? (content.effectiveAt === null ? 'null' : epochMsText(content.effectiveAt)),
    JSON.stringify(chained.prevHash.toString('hex')),
    JSON.stringify(chained.hash.toString('hex')),
  ].join(', ')}]`;
}

/** A stand-in for PostgreSQL answering the verifier's page query from stored rows, recording each page asked for. */
function storedEvents(rows: ReadonlyArray<{ position: bigint; text: string }>): ChainSql & { pages: unknown[][] } {
  const pages: unknown[][] = [];
  return {
    pages,
    query: <Row>(text: string, parameters: unknown[] = []) => {
      expect(text).toMatch(/FROM events/);
      pages.push(parameters);
      const [tenantId, after, through, limit] = parameters as [string, string, string | null, number];
      expect(tenantId).toBe(TENANT_ID);
      const page = rows.filter(({ position }) => position > BigInt(after) && (through === null || position <= BigInt(through))).slice(0, limit);
      return Promise.resolve(page.map(({ text: link }) => ({ link })) as Row[]);
    },
  };
}

const stored = (chain: readonly ChainLink[], changed: ReadonlyMap<number, StoredText> = new Map()) =>
  storedEvents(chain.map((chained, index) => ({ position: chained.tenantPosition, text: rowText(chained, changed.get(index)) })));

async function readAll(sql: ChainSql, range?: Parameters<typeof readStoredChain>[2]): Promise<ChainLink[]> {
  const links: ChainLink[] = [];
  for await (const chained of readStoredChain(sql, TENANT_ID, range)) links.push(chained);
  return links;
}

function verify(links: readonly ChainLink[]) {
  const verifier = new ChainVerifier();
  for (const chained of links) {
    const failure = verifier.push(chained);
    if (failure) return failure;
  }
  return null;
}

const awkwardData = {
  text: 'quote " backslash \\ slash / newline \n tab \t bell \u0007 unit separator \u001f delete \u007f',
  unicode: '整改完成 é ß 😀 \u2028 \u2029 \ufeff',
  // Integers stop at the safe range (appends refuse larger ones); fractions reach down to the smallest double.
  numbers: [0, -1, 0.1, 0.30000000000000004, 1e-7, 2.5e-5, -1.5e-300, 5e-324, 4503599627370495.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
  nested: { b: [true, false, null, {}, []], a: { '10': 'ten', '9': 'nine', B: 'upper', é: 'accent', '😀': 'astral' } },
  '': 'the empty key',
};

describe('reading the stored chain', () => {
  it('reads each event back as appended: escaped and astral strings, numbers as numeric prints them, effective times null or set', async () => {
    const contents: HashedEventContent[] = [
      contentAt(1, { data: awkwardData }),
      contentAt(2, { effectiveAt: '2026-02-28T23:59:59.999Z' }),
      contentAt(3, { data: { note: '"\\"' }, effectiveAt: null, recordedAt: '1999-12-31T23:59:59.999Z' }),
      contentAt(4, { data: [], metadata: { actorId: '问', requestId: 'r\n1' } }),
    ];
    const chain = link(contents);
    const links = await readAll(stored(chain));
    expect(links).toEqual(chain);
    expect(verify(links)).toBeNull();
  });

  it('reads a chain longer than a page, page after page, asking for each from the last position read', async () => {
    const chain = chainOf(12_001);
    const sql = stored(chain);
    const links = await readAll(sql);
    expect(links.map((chained) => chained.tenantPosition)).toEqual(chain.map((chained) => chained.tenantPosition));
    expect(verify(links)).toBeNull();
    expect(sql.pages.map(([, after]) => after)).toEqual(['0', '5000', '10000']);
  });

  it('reads only the range asked for', async () => {
    const chain = chainOf(10);
    const sql = stored(chain);
    const links = await readAll(sql, { after: 3n, through: 7n });
    expect(links.map((chained) => chained.tenantPosition)).toEqual([4n, 5n, 6n, 7n]);
    expect(sql.pages).toEqual([[TENANT_ID, '3', '7', 5000]]);
  });

  it('CHANGED_EVENT: an instant moved by one microsecond, or set to infinity', async () => {
    const chain = chainOf(4);
    const microsecondLater = `${Date.parse(chain[1]!.content.recordedAt)}.001000`;
    const moved = await readAll(stored(chain, new Map([[1, { recordedAtMs: microsecondLater }]])));
    expect(moved[1]!.content.recordedAt).toMatch(/\.\d{6}Z$/);
    expect(verify(moved)).toMatchObject({ tenantPosition: 2n, fault: 'CHANGED_EVENT' });

    const endless = await readAll(stored(chain, new Map([[2, { effectiveAtMs: '"Infinity"' }]])));
    expect(endless[2]!.content.effectiveAt).toBe('Infinity');
    expect(verify(endless)).toMatchObject({ tenantPosition: 3n, fault: 'CHANGED_EVENT' });
  });

  it('CHANGED_EVENT, not a crash: a number in the data beyond what a double holds', async () => {
    const chain = chainOf(4);
    const links = await readAll(stored(chain, new Map([[2, { data: '{"note": 12345678901234567890}' }]])));
    expect(verify(links)).toMatchObject({ tenantPosition: 3n, fault: 'CHANGED_EVENT', detail: expect.stringMatching(/no canonical form.*safe range/) });
    // Diagnosing a broken link hashes the event too: content without a canonical form is simply not self-consistent.
    const relinked = links.map((chained, index) => (index === 2 ? { ...chained, prevHash: Buffer.alloc(32, 7) } : chained));
    const report = await auditChain(relinked, { tenantId: TENANT_ID });
    expect(report.failure).toMatchObject({ tenantPosition: 3n, fault: 'BROKEN_LINK' });
  });

  it('CHANGED_EVENT: one character of an escaped or astral string', async () => {
    const chain = link([contentAt(1, { data: awkwardData }), contentAt(2)]);
    const escaped = jsonbText({ ...awkwardData, text: awkwardData.text.replace('\u0007', '\u0008') });
    expect(verify(await readAll(stored(chain, new Map([[0, { data: escaped }]]))))).toMatchObject({ tenantPosition: 1n, fault: 'CHANGED_EVENT' });
    const astral = jsonbText({ ...awkwardData, unicode: awkwardData.unicode.replace('😀', '😁') });
    expect(verify(await readAll(stored(chain, new Map([[0, { data: astral }]]))))).toMatchObject({ tenantPosition: 1n, fault: 'CHANGED_EVENT' });
  });
});
