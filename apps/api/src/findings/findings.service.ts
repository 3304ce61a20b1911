import { Inject, Injectable } from '@nestjs/common';
import { chinaDateOf, findingDecider, fold, type FindingState, type RecordedFinding } from '@zeren/domain';
import type { FindingEvent, WarningLevel } from '@zeren/events';
import { readRecordEvents } from '../audit-trail/record-event.repository';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import { pageSize, toConnection, type Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { recordAsOf } from '../records/time-travel';
import { FindingCommands } from './finding-commands';
import { toFinding } from './finding.mapper';
import { FindingOrder, type Finding, type FindingAsOfFilter, type FindingFilter } from './finding.models';
import { FindingsRepository, toFindingRecord, type FindingRecord } from './findings.repository';

/** Reads of findings: one, the ledger, and either as of a past instant (folded from events). */
@Injectable()
export class FindingsService {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(FindingsRepository) private readonly findings: FindingsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  visible(caller: Caller, id: string): Promise<FindingRecord> {
    return this.commands.visible(caller, id);
  }

  async asOf(caller: Caller, id: string, asOf: Date): Promise<FindingRecord> {
    const current = await this.commands.visible(caller, id);
    const { state } = await recordAsOf(this.transactions, this.store, findingDecider, { ...current, type: 'Finding' }, asOf);
    return { ...state, tenantId: current.tenantId, id: current.id };
  }

  /** The 整改台账: overdue and colour filters are judged on today's date in China. */
  async list(caller: Caller, filter: FindingFilter | null | undefined, first: number | undefined, after: string | null | undefined, order: FindingOrder): Promise<Connection<Finding>> {
    const size = pageSize(first);
    const now = new Date();
    const page = await this.findings.list(caller.tenantIds, this.authorization.abilityOf(caller), {
      ...filter,
      warningLevel: (filter?.warningLevel ?? null) as WarningLevel | null,
      today: chinaDateOf(now),
      order,
      after,
      limit: size,
    });
    return toConnection(page.rows, size, page.totalCount, page.cursorOf, (row) => toFinding(toFindingRecord(row), now), after);
  }

  /**
   * The ledger as it stood at `asOf`: which findings existed and matched then comes from the status
   * periods; each finding shown is folded from its events up to that instant, one statement per page.
   */
  async listAsOf(caller: Caller, asOf: Date, filter: FindingAsOfFilter | null | undefined, first: number | undefined, after: string | null | undefined): Promise<Connection<Finding>> {
    const size = pageSize(first);
    const page = await this.findings.idsAsOf(caller.tenantIds, this.authorization.abilityOf(caller), { ...filter, asOf, after, limit: size });
    const shown = page.rows.slice(0, size);
    const histories = await this.transactions.read({ tenantIds: caller.tenantIds }, (sql) =>
      readRecordEvents(sql, this.store, shown.map((row) => ({ tenantId: row.tenant_id, streamId: row.id, asOf }))),
    );
    const folded = new Map(
      shown.map((row, index) => {
        const state = fold<FindingState, FindingEvent>(findingDecider, histories[index]!.map((event) => ({ type: event.type, data: event.data }) as FindingEvent));
        return [row.id, { ...(state as RecordedFinding), tenantId: row.tenant_id, id: row.id }];
      }),
    );
    return toConnection(page.rows, size, page.totalCount, page.cursorOf, (row) => toFinding(folded.get(row.id)!, asOf, asOf), after);
  }
}
