import ExcelJS from 'exceljs';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../../test/test-app';

let app: TestApp;
let world: DistrictWorld;

async function exportLedger(token: string | null, query = ''): Promise<Response> {
  return fetch(`${app.url}/api/ledger.xlsx${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function sheets(response: Response): Promise<{ ledger: string[][]; source: string[][] }> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows = (name: string): string[][] =>
    Array.from(workbook.getWorksheet(name)!.getSheetValues().slice(1), (row) => (Array.isArray(row) ? row.slice(1).map((cell) => (cell === undefined || cell === null ? '' : String(cell))) : []));
  return { ledger: rows('整改台账'), source: rows('数据来源') };
}

async function ledgerIds(token: string, filter: Record<string, unknown>): Promise<string[]> {
  const data = await expectData<{ findings: { edges: Array<{ node: { id: string } }> } }>(
    app.graphql,
    'query($filter: FindingFilter) { findings(filter: $filter, first: 100) { edges { node { id } } } }',
    { filter },
    token,
  );
  return data.findings.edges.map((edge) => edge.node.id);
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA, world.unitB] });
  await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, title: '学习记录缺失', severity: 'MINOR', deadlineInDays: 20 });
  await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, title: '舆情处置不及时', severity: 'SEVERE', deadlineInDays: 3 });
  await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitB, title: '宣传栏未更新', severity: 'MAJOR', deadlineInDays: 40 });
});
afterAll(() => app.close());

describe('GET /api/ledger.xlsx', () => {
  it('exports exactly the findings the GraphQL ledger shows for the same filter, under Chinese headers', async () => {
    const { ledger } = await sheets(await exportLedger(world.districtAdmin.token, '?severities=SEVERE,MAJOR&order=DEADLINE_ASC'));
    const [headers, ...rows] = ledger;
    expect(headers).toEqual(['区县', '责任单位', '问题', '问题类别', '严重程度', '整改期限', '状态', '最新进展（%）', '最近填报时间', '逾期天数', '三色预警', '登记时间', '问题编号']);
    const expected = await ledgerIds(world.districtAdmin.token, { severities: ['SEVERE', 'MAJOR'] });
    expect(rows.map((row) => row[12]).sort()).toEqual([...expected].sort());
    expect(rows.map((row) => row[2])).toEqual(['舆情处置不及时', '宣传栏未更新']);
    expect(rows.map((row) => row[4])).toEqual(['严重', '较重']);
    expect(rows[0]![6]).toBe('待制定整改方案');
  });

  it('gives a unit officer only its own unit’s findings', async () => {
    const { ledger } = await sheets(await exportLedger(world.officerB.token));
    expect(ledger.slice(1).map((row) => row[2])).toEqual(['宣传栏未更新']);
  });

  it('states the chain head and the latest signed checkpoint it was produced from', async () => {
    const signed = await expectData<{ signChainHead: { tenantPosition: string; hash: string } }>(
      app.graphql,
      'mutation($tenantId: ID!) { signChainHead(tenantId: $tenantId) { tenantPosition hash } }',
      { tenantId: world.tenantId },
      world.cityInspector.token,
    );
    const { source } = await sheets(await exportLedger(world.districtAdmin.token));
    const head = source.find((row) => row[2] === signed.signChainHead.hash);
    expect(head).toBeDefined();
    expect(head!.slice(1, 5)).toEqual([signed.signChainHead.tenantPosition, signed.signChainHead.hash, signed.signChainHead.tenantPosition, signed.signChainHead.hash]);
    expect(head![7]).toBe('链头已签名');
    expect(source.find((row) => row[0] === '数据一致性')?.[1]).toBe('台账与下列链头取自同一时刻的数据');
  });

  it('refuses a malformed filter with the field it concerns and nothing exported', async () => {
    const response = await exportLedger(world.districtAdmin.token, '?statuses=IN_PROGRESS,DONE&deadlineFrom=2026-13-01&colour=red');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; fields: Record<string, string> };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(body.fields).sort()).toEqual(['colour', 'deadlineFrom', 'statuses']);
  });

  it('needs credentials, like GraphQL', async () => {
    const response = await exportLedger(null);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  });

  it('shows another city’s district admin none of these findings', async () => {
    const { ledger } = await sheets(await exportLedger(world.otherCityAdmin.token, `?tenantId=${world.tenantId}`));
    expect(ledger.slice(1)).toEqual([]);
  });
});
