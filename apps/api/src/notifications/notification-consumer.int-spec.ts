import { randomUUID } from 'node:crypto';
import { eventCatalogue, type PendingEvent } from '@zeren/events';
import type { DataSource } from 'typeorm';
import { probeMetadata, registerTenants } from '../../test/probe-events';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import type { ScopedTransactions } from '../database/scoped-transactions';
import { CheckpointedConsumer } from '../event-store/checkpointed-consumer';
import { EventStore } from '../event-store/event-store';
import { NotificationConsumer } from './notification-consumer';

const store = new EventStore(eventCatalogue);
const tenant = randomUUID();
const otherTenant = randomUUID();
const unit = randomUUID();
const unitWithoutLiaison = randomUUID();
const otherUnit = randomUUID();
const finding = randomUUID();
const person = {
  liaison: randomUUID(),
  leader: randomUUID(),
  head: randomUUID(),
  officer: randomUUID(),
  departed: randomUUID(),
  otherOfficer: randomUUID(),
};

let database: TestDatabase;
let dataSource: DataSource;
let transactions: ScopedTransactions;

async function append(tenantId: string, streamId: string, expectedVersion: number, events: PendingEvent[]): Promise<void> {
  await transactions.run({ tenantIds: [tenantId] }, (sql) => store.append(sql, { tenantId, streamId, expectedVersion, events, metadata: { ...probeMetadata, actingForTenantId: tenantId } }));
}

const recorded = (findingId: string, unitId: string): PendingEvent => ({
  type: 'FindingRecorded',
  data: {
    findingId,
    inspectionId: randomUUID(),
    unitId,
    title: '意识形态阵地管理不到位',
    description: '宣传栏内容长期未更新',
    category: 'POSITION_MANAGEMENT',
    severity: 'MAJOR',
    basis: { kind: 'RULE', reference: '责任清单第3条', text: '阵地管理' },
    deadline: '2026-03-31',
    recordedAt: '2026-03-01T02:00:00.000Z',
  },
});

const consumer = (): CheckpointedConsumer => new CheckpointedConsumer(transactions, store, new NotificationConsumer(true), 3);

async function notifications(): Promise<Array<{ tenant_id: string; recipient_id: string; kind: string; title: string }>> {
  return withOwner(database, async (owner) => (await owner.query(`SELECT tenant_id, recipient_id, kind, title FROM notifications ORDER BY seq`)).rows);
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource, transactions } = await appTransactions(database));
  await withOwner(database, async (owner) => {
    await registerTenants(owner, [tenant, otherTenant]);
    const addPerson = (tenantId: string, id: string, name: string, email: string | null, unitId: string | null, status = 'ACTIVE') =>
      owner.query(
        `INSERT INTO people (tenant_id, id, username, display_name, role, home_tenant_id, unit_id, email, status, version, created_at, updated_at)
         VALUES ($1, $2, $3, $3, $4, $1, $5, $6, $7, 1, now(), now())`,
        [tenantId, id, name, unitId ? 'unit_officer' : 'auditor', unitId, email, status],
      );
    await addPerson(tenant, person.liaison, 'liaison', 'liaison@hezhuang.gov.cn', unit);
    await addPerson(tenant, person.leader, 'leader', 'leader@hezhuang.gov.cn', null);
    await addPerson(tenant, person.head, 'head', null, null);
    await addPerson(tenant, person.officer, 'officer', 'officer@yipeng.gov.cn', unitWithoutLiaison);
    await addPerson(tenant, person.departed, 'departed', 'departed@yipeng.gov.cn', unitWithoutLiaison, 'DEACTIVATED');
    await addPerson(otherTenant, person.otherOfficer, 'other', 'other@zhongyuan.gov.cn', otherUnit);
    const addUnit = (tenantId: string, id: string, liaison: string | null, leader: string | null, head: string | null) =>
      owner.query(
        `INSERT INTO units (tenant_id, id, name, kind, status, liaison_person_id, leader_person_id, head_person_id, ancestor_ids, version, created_at, updated_at)
         VALUES ($1, $2, '测试单位', 'STREET', 'ACTIVE', $3, $4, $5, '{}', 1, now(), now())`,
        [tenantId, id, liaison, leader, head],
      );
    await addUnit(tenant, unit, person.liaison, person.leader, person.head);
    await addUnit(tenant, unitWithoutLiaison, null, null, null);
    await addUnit(otherTenant, otherUnit, null, null, null);
  });

  await append(tenant, finding, 0, [recorded(finding, unit)]);
  await append(tenant, finding, 1, [
    {
      type: 'WarningIssued',
      data: { findingId: finding, unitId: unit, level: 'RED', deadline: '2026-03-31', daysRemaining: -1, recipients: ['UNIT_LIAISON', 'UNIT_LEADER', 'UNIT_HEAD'], issuedAt: '2026-04-01T00:00:00.000Z' },
    },
  ]);
  await append(tenant, finding, 2, [{ type: 'FindingReassigned', data: { findingId: finding, fromUnitId: unit, toUnitId: unitWithoutLiaison, reason: '职责调整', reassignedAt: '2026-04-02T00:00:00.000Z' } }]);
  // Not a notifying event: passed over.
  await append(tenant, finding, 3, [{ type: 'RectificationSubmitted', data: { findingId: finding, note: null, submittedAt: '2026-04-03T00:00:00.000Z' } }]);
  await append(tenant, finding, 4, [{ type: 'DistrictReviewRejected', data: { findingId: finding, reason: '佐证材料不足', rejectedAt: '2026-04-04T00:00:00.000Z' } }]);
  const interview = randomUUID();
  await append(tenant, interview, 0, [
    {
      type: 'InterviewScheduled',
      data: {
        interviewId: interview,
        kind: 'REMINDER',
        interviewerIds: [person.leader],
        interviewees: [
          { personId: person.liaison, name: 'liaison', unitId: unit },
          { personId: person.departed, name: 'departed', unitId: unitWithoutLiaison },
        ],
        reason: '整改进度滞后',
        findingIds: [finding],
        scheduledAt: '2026-04-10T02:00:00.000Z',
        place: '区委三楼会议室',
        confidential: false,
      },
    },
  ]);
  const otherFinding = randomUUID();
  await append(otherTenant, otherFinding, 0, [recorded(otherFinding, otherUnit)]);
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

describe('the notifications consumer', () => {
  it('tells each person what concerns them, once, even with two instances consuming at the same time', async () => {
    // Two consumers of one checkpoint, polling together in small batches, as two API instances would.
    await Promise.all([consumer().pollUntilCaughtUp(), consumer().pollUntilCaughtUp()]);
    const rows = await notifications();
    const of = (recipient: string) => rows.filter((row) => row.recipient_id === recipient).map((row) => row.kind);
    // Recorded against the unit: its liaison. The red warning: liaison, leader and head.
    expect(of(person.liaison)).toEqual(['ASSIGNMENT', 'WARNING', 'INTERVIEW_INVITATION']);
    expect(of(person.leader)).toEqual(['WARNING']);
    expect(of(person.head)).toEqual(['WARNING']);
    // Reassigned to a unit without a liaison: its unit officers, who also hear of the rejection.
    expect(of(person.officer)).toEqual(['ASSIGNMENT', 'REJECTION']);
    expect(of(person.departed)).toEqual([]);
    expect(rows.find((row) => row.kind === 'REJECTION')!.title).toBe('区级审核退回：意识形态阵地管理不到位');
    expect(rows.filter((row) => row.recipient_id === person.otherOfficer)).toEqual([{ tenant_id: otherTenant, recipient_id: person.otherOfficer, kind: 'ASSIGNMENT', title: '新的整改任务：意识形态阵地管理不到位' }]);
  });

  it('queues an e-mail for each notification of someone with an address', async () => {
    const emails = await withOwner(database, async (owner) => (await owner.query<{ to_address: string; subject: string }>(`SELECT to_address, subject FROM notification_emails ORDER BY to_address, subject`)).rows);
    expect(emails.map((email) => email.to_address)).toEqual([
      'leader@hezhuang.gov.cn',
      'liaison@hezhuang.gov.cn',
      'liaison@hezhuang.gov.cn',
      'liaison@hezhuang.gov.cn',
      'officer@yipeng.gov.cn',
      'officer@yipeng.gov.cn',
      'other@zhongyuan.gov.cn',
    ]);
  });

  it('makes nothing twice when it reads the log again from the start', async () => {
    const before = await notifications();
    await withOwner(database, (owner) => owner.query(`UPDATE consumer_checkpoints SET transaction_id = '0', position = 0 WHERE consumer = 'notifications'`));
    expect(await consumer().pollUntilCaughtUp()).toBeGreaterThan(0);
    expect(await notifications()).toEqual(before);
  });

  it('keeps each district’s notifications to itself', async () => {
    const visible = await transactions.run({ tenantIds: [otherTenant] }, (sql) => sql.query<{ tenant_id: string }>('SELECT tenant_id FROM notifications'));
    expect(new Set(visible.map((row) => row.tenant_id))).toEqual(new Set([otherTenant]));
  });
});
